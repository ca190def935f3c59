package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** content/ read from real folders: sorted whatever the listing order, misplaced files reported. */
class ContentLoaderTest {
    @TempDir
    Path site;
    private final ForkJoinPool pool = new ForkJoinPool(2);
    private Problems problems = new Problems();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private void write(String relative, String text) {
        org.broadsheet.TestSites.write(site.resolve(relative), text);
    }

    private static String article(String title) {
        return "---\ntitle: " + title + "\n---\n" + title + "的正文。\n";
    }

    private void givenASmallArchive() throws IOException {
        write("content/2025/12/12/_issue.yml", "number: 5102\nedition: 宪法宣传周特刊\n");
        write("content/2025/12/12/01/_page.yml", "number: 1\nsection: 要闻\nlabel: A01\neditors:\n"
                + "  责任编辑: 钱虹\n  美术编辑: 乌云\nimage: scan.jpg\n");
        Files.write(site.resolve("content/2025/12/12/01/scan.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8});
        write("content/2025/12/12/01/普法小课堂.md", article("普法小课堂"));
        write("content/2025/12/12/01/02.md", article("第二篇"));
        write("content/2025/12/12/01/01.md", article("头条"));
        write("content/2025/12/12/01/.01.md.swp", "editor swap file");
        write("content/2025/12/12/02/01.md", article("二版头条"));
        write("content/2025/12/10/03/01.md", "---\ntitle: 阿荣旗法院巡回审判\ndateline: 那吉讯\n---\n正文\n");
        write("content/2024/01/05/01/𠀀.md", article("生僻字𬘭"));
        write("content/.DS_Store", "junk");
    }

    private ContentSet load(UnaryOperator<List<Path>> listingOrder) {
        problems = new Problems();
        return new ContentLoader(site, pool, listingOrder).load(problems);
    }

    private ContentSet load() {
        return load(UnaryOperator.identity());
    }

    private List<Problem> errors() {
        return problems.sorted().stream().filter(Problem::isError).toList();
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    @Test
    void readsIssuesPagesAndArticlesInSortedOrder() throws IOException {
        givenASmallArchive();

        ContentSet content = load();

        assertThat(problems.sorted()).isEmpty();
        assertThat(content.issues()).containsExactly(
                new IssueSource(LocalDate.of(2024, 1, 5), OptionalInt.empty(), "", ""),
                new IssueSource(LocalDate.of(2025, 12, 10), OptionalInt.empty(), "", ""),
                new IssueSource(LocalDate.of(2025, 12, 12), OptionalInt.of(5102), "宪法宣传周特刊", ""));
        assertThat(content.pages()).extracting(page -> slashed(page.dir())).containsExactly(
                "content/2024/01/05/01", "content/2025/12/10/03", "content/2025/12/12/01", "content/2025/12/12/02");
        assertThat(content.articles()).extracting(a -> slashed(a.file())).containsExactly(
                "content/2024/01/05/01/𠀀.md", "content/2025/12/10/03/01.md", "content/2025/12/12/01/01.md",
                "content/2025/12/12/01/02.md", "content/2025/12/12/01/普法小课堂.md", "content/2025/12/12/02/01.md");
        assertThat(content.articles()).extracting(ArticleSource::slug, ArticleSource::position, ArticleSource::page)
                .contains(org.assertj.core.groups.Tuple.tuple("普法小课堂", 3, 1),
                        org.assertj.core.groups.Tuple.tuple("𠀀", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("01", 1, 3));
    }

    @Test
    void listingOrderNeverChangesTheResult() throws IOException {
        givenASmallArchive();
        write("content/2025/12/12/03/_page.yml", "sction: 法院\n");
        ContentSet natural = load();
        List<Problem> naturalProblems = problems.sorted();

        ContentSet reversed = load(files -> {
            List<Path> copy = new ArrayList<>(files);
            Collections.reverse(copy);
            return copy;
        });
        List<Problem> reversedProblems = problems.sorted();
        ContentSet shuffled = load(files -> {
            List<Path> copy = new ArrayList<>(files);
            Collections.shuffle(copy, new Random(20251212L));
            return copy;
        });

        assertThat(naturalProblems).hasSize(1);
        assertThat(reversed).isEqualTo(natural);
        assertThat(shuffled).isEqualTo(natural);
        assertThat(reversedProblems).isEqualTo(naturalProblems);
        assertThat(problems.sorted()).isEqualTo(naturalProblems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"content/说明.md", "content/2025/12/12/01.md", "content/2025/12/_issue.yml",
        "content/2025/12/12/_page.yml", "content/2025/12/12/01/图片/photo.jpg"})
    void misplacedFilesAreErrors(String misplaced) throws IOException {
        write("content/2025/12/12/01/01.md", article("头条"));
        write(misplaced, "x");

        ContentSet content = load();

        assertThat(errors()).singleElement().satisfies(problem -> {
            assertThat(slashed(problem.file())).isEqualTo(misplaced);
            assertThat(problem.message()).isEqualTo("file is not where Broadsheet looks for content");
        });
        assertThat(content.articles()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"content/25/12/12/01/01.md", "content/2025/1/12/01/01.md", "content/2025/十二/12/01/01.md"})
    void foldersThatAreNotDatesAreErrors(String file) throws IOException {
        write(file, article("标题"));

        ContentSet content = load();

        assertThat(errors()).singleElement().extracting(Problem::message).asString().endsWith(" is not a date");
        assertThat(content.articles()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025/02/30", "2025/13/01", "2025/00/10"})
    void foldersThatAreNotRealDatesAreErrors(String date) throws IOException {
        write("content/" + date + "/01/01.md", article("标题"));

        load();

        assertThat(errors()).singleElement().extracting(Problem::message)
                .isEqualTo("folder " + date + " is not a real date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "001", "00", "A1", "一版", "0001"})
    void nonCanonicalPageFoldersAreRejected(String folder) throws IOException {
        write("content/2025/12/12/" + folder + "/01.md", article("标题"));

        ContentSet content = load();

        assertThat(errors()).singleElement().extracting(Problem::message)
                .isEqualTo("page folder '" + folder + "' is not a page number");
        assertThat(content.pages()).isEmpty();
    }

    @Test
    void pageHundredIsAValidFolder() throws IOException {
        write("content/2025/12/12/100/01.md", article("第一百版"));

        ContentSet content = load();

        assertThat(errors()).isEmpty();
        assertThat(content.pages()).singleElement().extracting(PageSource::number).isEqualTo(100);
    }

    @Test
    void aBrokenArticleIsLeftOutAndTheOthersAreRead() throws IOException {
        write("content/2025/12/12/01/01.md", article("头条"));
        write("content/2025/12/12/01/02.md", "---\ntitle: 日期错\ndate: 2025-12-11\n---\n");

        ContentSet content = load();

        assertThat(errors()).singleElement().extracting(p -> slashed(p.file()), Problem::line)
                .containsExactly("content/2025/12/12/01/02.md", 3);
        assertThat(content.articles()).extracting(ArticleSource::slug).containsExactly("01");
    }

    /**
     * As deep as the size limit allows, which overflows any thread's stack in a recursive reader: these used
     * to end the build with "internal error … reading articles failed"; now each is its file's located error
     * and the other files are read.
     */
    @Test
    void yamlNestedAsDeepAsTheSizeLimitAllowsIsItsFilesErrorAndTheRestIsRead() throws IOException {
        String deep = "[".repeat(400_000) + "]".repeat(400_000);
        write("content/2025/12/12/01/01.md", article("头条"));
        write("content/2025/12/12/01/02.md", "---\ntitle: 深\nextra:\n  note: " + deep + "\n---\n正文\n");
        write("content/2025/12/12/02/_page.yml", "section: " + deep + "\n");
        write("content/2025/12/12/02/01.md", article("二版头条"));

        ContentSet content = load();

        assertThat(errors()).extracting(p -> slashed(p.file()), Problem::line, Problem::column, Problem::message)
                .containsExactly(
                        tuple("content/2025/12/12/01/02.md", 4, 39, "YAML nested more than 32 levels deep"),
                        tuple("content/2025/12/12/02/_page.yml", 1, 41, "YAML nested more than 32 levels deep"));
        assertThat(content.articles()).extracting(ArticleSource::slug).containsExactly("01", "01");
    }

    /** A duplicate key no longer hides the file's other mistakes, and still keeps the page out. */
    @Test
    void aStandalonePageWithADuplicateKeyReportsItsOtherMistakesToo() throws IOException {
        write("content/pages/about.md", "---\ntitle: 关于本报\ntitle: 关于\norder: 第一\n---\n正文\n");

        ContentSet content = load();

        assertThat(errors()).extracting(Problem::line, Problem::message).containsExactly(
                tuple(3, "duplicate key 'title' (first on line 2)"),
                tuple(4, "'order' must be a whole number"));
        assertThat(content.standalone()).isEmpty();
    }

    @Test
    void withoutContentFolderThereIsOneError() {
        ContentSet content = load();

        assertThat(errors()).singleElement().extracting(Problem::message).isEqualTo("no content/ folder in the site");
        assertThat(content.issues()).isEmpty();
    }

    @Test
    void symbolicLinksAreNotFollowed(@TempDir Path elsewhere) throws IOException {
        write("content/2025/12/12/01/01.md", article("头条"));
        Path outside = Files.writeString(elsewhere.resolve("secret.md"), article("站外文件"));
        Files.createSymbolicLink(site.resolve("content/2025/12/12/01/02.md"), outside);

        ContentSet content = load();

        assertThat(content.articles()).extracting(ArticleSource::slug).containsExactly("01");
        assertThat(problems.sorted()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.message()).isEqualTo("symbolic link not followed");
        });
        assertThat(content.pages().get(0).assets()).isEmpty();
    }
}
