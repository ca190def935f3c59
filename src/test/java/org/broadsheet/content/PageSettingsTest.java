package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ForkJoinPool;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** _page.yml and _issue.yml as ContentLoader reads them from real folders: typed, checked, beside their files. */
class PageSettingsTest {
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

    private ContentSet load() {
        problems = new Problems();
        return new ContentLoader(site, pool).load(problems);
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private List<Problem> errors() {
        return problems.sorted().stream().filter(Problem::isError).toList();
    }

    @Test
    void readsPageSettingsAndAssets() throws IOException {
        write("content/2025/12/12/01/_page.yml", "number: 1\nsection: 要闻\nlabel: A01\neditors:\n"
                + "  责任编辑: 钱虹\n  美术编辑: 乌云\nbanners: [宪法宣传周, 𬘭𠀀专栏]\nimage: scan.jpg\npdf: A01.pdf\n");
        Files.write(site.resolve("content/2025/12/12/01/scan.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8});
        write("content/2025/12/12/01/A01.pdf", "%PDF-1.7");
        write("content/2025/12/12/01/01.md", article("头条"));

        PageSource front = load().pages().get(0);

        assertThat(errors()).isEmpty();
        assertThat(front.date()).isEqualTo(LocalDate.of(2025, 12, 12));
        assertThat(front.number()).isEqualTo(1);
        assertThat(front.section()).isEqualTo("要闻");
        assertThat(front.label()).isEqualTo("A01");
        assertThat(front.editors().keySet()).containsExactly("责任编辑", "美术编辑");
        assertThat(front.banners()).containsExactly("宪法宣传周", "𬘭𠀀专栏");
        assertThat(front.image()).contains("scan.jpg");
        assertThat(front.pdf()).contains("A01.pdf");
        assertThat(front.assets()).containsExactly("A01.pdf", "scan.jpg");
    }

    @Test
    void aPageWithoutPageYmlHasEmptySettings() throws IOException {
        write("content/2025/12/12/02/01.md", article("二版"));

        PageSource page = load().pages().get(0);

        assertThat(page.section()).isEmpty();
        assertThat(page.editors()).isEmpty();
        assertThat(page.image()).isEmpty();
    }

    @Test
    void unknownPageKeyIsReportedOnItsLineWithAHint() throws IOException {
        write("content/2025/12/12/01/_page.yml", "number: 1\nsction: 要闻\n");
        write("content/2025/12/12/01/01.md", article("头条"));

        load();

        assertThat(errors()).singleElement().satisfies(problem -> {
            assertThat(slashed(problem.file())).isEqualTo("content/2025/12/12/01/_page.yml");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).isEqualTo("unknown key 'sction' in _page.yml");
            assertThat(problem.hint()).isEqualTo("did you mean 'section'?");
        });
    }

    @Test
    void imageNamedInPageYmlMustBeBesideIt() throws IOException {
        write("content/2025/12/12/01/_page.yml", "section: 要闻\nimage: 版面.jpg\npdf: ../02/page.pdf\n");
        write("content/2025/12/12/01/01.md", article("头条"));
        write("content/2025/12/12/02/page.pdf", "%PDF");

        PageSource page = load().pages().get(0);

        assertThat(errors()).extracting(Problem::line, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "image '版面.jpg' is not a file in content/2025/12/12/01"),
                org.assertj.core.groups.Tuple.tuple(3, "pdf '../02/page.pdf' is not a file in content/2025/12/12/01"));
        assertThat(page.image()).isEmpty();
        assertThat(page.pdf()).isEmpty();
    }

    @Test
    void pageNumberInPageYmlMustMatchTheFolder() throws IOException {
        write("content/2025/12/12/02/_page.yml", "number: 3\n");
        write("content/2025/12/12/02/01.md", article("二版"));

        load();

        assertThat(errors()).singleElement().extracting(Problem::message)
                .isEqualTo("number 3 does not match the page folder 02");
    }

    @Test
    void unknownIssueKeyIsAnError() throws IOException {
        write("content/2025/12/12/_issue.yml", "number: 5102\neditoin: 特刊\n");
        write("content/2025/12/12/01/01.md", article("头条"));

        ContentSet content = load();

        assertThat(errors()).singleElement().extracting(Problem::hint).isEqualTo("did you mean 'edition'?");
        assertThat(content.issues()).singleElement().extracting(IssueSource::number).isEqualTo(OptionalInt.of(5102));
    }

    /** Issue 18: a number too large was told "must be a whole number", which it is. */
    @Test
    void anIssueNumberTooLargeIsToldTheRange() throws IOException {
        write("content/2025/12/12/_issue.yml", "edition: 特刊\nnumber: 51020000000000\n");
        write("content/2025/12/12/01/01.md", article("头条"));

        ContentSet content = load();

        assertThat(errors()).singleElement().extracting(Problem::line, Problem::message)
                .containsExactly(2, "'number' must be a whole number from -999999999 to 999999999");
        assertThat(content.issues()).singleElement().extracting(IssueSource::number).isEqualTo(OptionalInt.empty());
    }
}
