package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.CliRun;
import org.broadsheet.TestSites;
import org.broadsheet.content.ArticleReader;
import org.broadsheet.content.FrontMatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code broadsheet new}, end to end through {@code Main.run} on a copy of the sample site. */
class NewCommandTest {
    private static final LocalDate DAY = LocalDate.of(2025, 12, 11);

    @TempDir
    Path dir;

    private Path site;

    @BeforeEach
    void givenTheSample() {
        site = TestSites.copySample(dir);
    }

    @Test
    void firstArticleOnANewPageIs01AndTheFolderGetsPageSettings() throws IOException {
        CliRun run = newArticle("2025-12-11", "5", "--title", "草原上的流动法庭", "--section", "普法园地");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path article = site.resolve("content/2025/12/11/05/01.md");
        Path settings = site.resolve("content/2025/12/11/05/_page.yml");
        assertThat(run.out().lines()).containsExactly(article.toString(), settings.toString());
        assertThat(run.err()).isEmpty();
        FrontMatter front = readBack(article, 5);
        assertThat(front.title()).isEqualTo("草原上的流动法庭");
        assertThat(front.authors()).isEmpty();
        assertThat(front.order()).hasValue(1);
        assertThat(TestSites.read(article)).contains("authors: []\n");
        assertThat(TestSites.read(settings)).isEqualTo("number: 5\nsection: 普法园地\n");
    }

    @Test
    void anExistingPageGetsItsNextFreeNumberAndKeepsItsSettings() throws IOException {
        Path settings = site.resolve("content/2025/12/11/03/_page.yml");
        String before = TestSites.read(settings);

        CliRun run = newArticle("2025-12-11", "3", "--title", "又一篇", "--section", "别的版名");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path article = site.resolve("content/2025/12/11/03/06.md");
        assertThat(run.out().strip()).isEqualTo(article.toString());
        assertThat(readBack(article, 3).order()).hasValue(6);
        assertThat(TestSites.read(settings)).isEqualTo(before);
        assertThat(run.err()).contains("_page.yml", "warning", "法院·检察", "别的版名", "left as it is");
    }

    @Test
    void aKnownDatelineGetsItsBureausFullName() throws IOException {
        assertThat(newArticle("2025-12-11", "5", "--title", "甲", "--dateline", "包头讯").exitCode()).isZero();
        assertThat(newArticle("2025-12-11", "5", "--title", "乙", "--dateline", "那吉讯").exitCode()).isZero();

        FrontMatter first = readBack(site.resolve("content/2025/12/11/05/01.md"), 5);
        assertThat(first.dateline()).isEqualTo("包头讯");
        assertThat(first.bureau()).isEqualTo("包头市");
        assertThat(readBack(site.resolve("content/2025/12/11/05/02.md"), 5).bureau()).isEqualTo("呼伦贝尔市");
    }

    @Test
    void theSitesOwnDatelinesCount() throws IOException {
        Files.writeString(site.resolve("site.yml"), "bureaus:\n  - name: 包头市\n    datelines: [稀土高新区]\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        CliRun run = newArticle("2025-12-11", "5", "--title", "甲", "--dateline", "稀土高新区讯");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(readBack(site.resolve("content/2025/12/11/05/01.md"), 5).bureau()).isEqualTo("包头市");
    }

    @Test
    void anUnknownDatelineIsWrittenWithAWarningNamingTheClosestPlaces() throws IOException {
        CliRun run = newArticle("2025-12-11", "5", "--title", "甲", "--dateline", "包投讯");

        assertThat(run.exitCode()).isZero();
        FrontMatter front = readBack(site.resolve("content/2025/12/11/05/01.md"), 5);
        assertThat(front.dateline()).isEqualTo("包投讯");
        assertThat(front.bureau()).isEmpty();
        assertThat(run.err()).contains("01.md:3:", "warning: unknown dateline '包投讯'", "包头（包头市）");
    }

    @Test
    void theNewsroomsDatelineNeedsNoBureau() throws IOException {
        CliRun run = newArticle("2025-12-11", "5", "--title", "甲", "--dateline", "本报讯");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(readBack(site.resolve("content/2025/12/11/05/01.md"), 5).bureau()).isEmpty();
    }

    @Test
    void refusesToWriteOverAFileWhereThePageFolderShouldBe() throws IOException {
        Path blocker = site.resolve("content/2025/12/11/05");
        Files.writeString(blocker, "not a folder", StandardCharsets.UTF_8);

        CliRun run = newArticle("2025-12-11", "5", "--title", "甲");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("error:", "is not a folder");
        assertThat(run.out()).isEmpty();
        assertThat(TestSites.read(blocker)).isEqualTo("not a folder");
    }

    @Test
    void aFolderWithoutSiteYmlIsRefusedWithBuildsMessage() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CliRun run = CliRun.run("new", "2025-12-11", "5", "--title", "甲", "--site", empty.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("no site.yml");
        assertThat(TestSites.files(empty)).isEmpty();
        CliRun build = CliRun.run("build", "--site", empty.toString());
        assertThat(run.err().lines().findFirst()).isEqualTo(build.err().lines().findFirst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-12-1", "yesterday", "2025/12/11", "+2025-12-11"})
    void aBadDateIsAUsageError(String date) {
        CliRun run = newArticle(date, "5", "--title", "甲");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("DATE", date);
        assertThat(site.resolve("content/2025/12/11/05")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1000", "-1", "five", "05x", ""})
    void aBadPageIsAUsageError(String page) {
        CliRun run = newArticle("2025-12-11", page, "--title", "甲");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("PAGE must be a page number from 1 to 999");
    }

    @Test
    void anEmptyTitleIsAUsageError() {
        assertThat(newArticle("2025-12-11", "5", "--title", "  ").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(newArticle("2025-12-11", "5").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(site.resolve("content/2025/12/11/05")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"标题: \"引号\" #井号", "- 列表", "[x]", "{a: b}", "'单引号'", "no", "123", "a\\b",
            "包头讯：法院#1 “中文引号” 《书名》", "? 问号", "|竖线", "> 大于", "% 百分", "@at", "`反引号`", "&锚 *别名",
            "!标签", "尾部冒号:", "制表\t符", "🀄 表情 𠀀"})
    void hostileTitlesAndDatelinesReadBackExactly(String text) throws IOException {
        CliRun run = newArticle("2025-12-11", "5", "--title", text, "--dateline", text, "--section", text);

        assertThat(run.exitCode()).as(run.err()).isZero();
        FrontMatter front = readBack(site.resolve("content/2025/12/11/05/01.md"), 5);
        assertThat(front.title()).isEqualTo(text);
        assertThat(front.dateline()).isEqualTo(text);
        assertThat(TestSites.read(site.resolve("content/2025/12/11/05/_page.yml")))
                .startsWith("number: 5\nsection: ");
    }

    @Test
    void theSiteBuildsWithTheNewArticleOnItsPage() {
        assertThat(newArticle("2025-12-11", "5", "--title", "新写的一篇报道", "--dateline", "包头讯",
                "--section", "普法园地").exitCode()).isZero();
        assertThat(newArticle("2025-12-11", "3", "--title", "第三版的新稿件").exitCode()).isZero();

        Path output = dir.resolve("public");
        CliRun build = CliRun.build(site, output);

        assertThat(build.exitCode()).as(build.err()).isEqualTo(ExitCodes.OK);
        assertThat(TestSites.read(output.resolve("2025/12/11/05/index.html"))).contains("新写的一篇报道", "普法园地");
        assertThat(TestSites.read(output.resolve("2025/12/11/05/01.html"))).contains("新写的一篇报道", "包头讯");
        assertThat(TestSites.read(output.resolve("2025/12/11/03/index.html"))).contains("第三版的新稿件");
        assertThat(TestSites.read(output.resolve("bureaus/baotou/index.html"))).contains("新写的一篇报道");
    }

    private CliRun newArticle(String... args) {
        List<String> all = new ArrayList<>(List.of("new"));
        all.addAll(List.of(args));
        all.addAll(List.of("--site", site.toString()));
        return CliRun.run(all.toArray(String[]::new));
    }

    /** The article as the build's own reader reads it; fails on any problem, warnings included. */
    private FrontMatter readBack(Path file, int page) throws IOException {
        ArticleReader.Result result = ArticleReader.read(site.relativize(file), Files.readAllBytes(file), DAY, page, 0);
        assertThat(result.problems()).isEmpty();
        return result.article().orElseThrow().front();
    }
}
