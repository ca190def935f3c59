package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.CliRun;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadsheet import}, end to end through {@code Main.run} on a copy of the sample site. */
class ImportCommandTest {
    private static final Path PAGES = Path.of("src/test/resources/org/broadsheet/importer").toAbsolutePath();
    private static final Path PAGE_06 = PAGES.resolve("page-06.txt");
    private static final Path PAGE_03_GBK = PAGES.resolve("page-03-gbk.txt");
    /** How messages name the page: relative to the current folder, as the user typed it. */
    private static final String SHOWN_06 = Path.of("").toAbsolutePath().relativize(PAGE_06).toString();

    @TempDir
    Path dir;

    private Path site;

    @BeforeEach
    void givenTheSample() {
        site = TestSites.copySample(dir);
    }

    private CliRun importing(Object... args) {
        List<String> all = new ArrayList<>(List.of("import", "--site", site.toString()));
        for (Object arg : args) {
            all.add(arg.toString());
        }
        return CliRun.run(all.toArray(String[]::new));
    }

    private Path page06(String name) {
        return site.resolve("content/2025/12/12/06").resolve(name);
    }

    @Test
    void importsAPageAndPrintsWhatItWroteAndTheReviewList() {
        CliRun run = importing(PAGE_06);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines()).containsExactly(page06("01.md").toString(), page06("02.md").toString(),
                page06("03.md").toString(), page06("_page.yml").toString());
        assertThat(run.err().lines().filter(l -> l.contains("warning: review:"))).hasSize(6)
                .allMatch(l -> l.startsWith(SHOWN_06 + ":"));
        assertThat(run.err()).contains(SHOWN_06 + ":17: warning: review: paragraph at line 17 ends without closing "
                + "punctuation: joined with the paragraph at line 19");
        assertThat(run.err()).contains("imported 1 of 1 pages (3 stories); 6 decisions to review");
    }

    @Test
    void aDryRunPrintsEveryFileAndWritesNothing() {
        Map<String, String> before = TestSites.hashes(site);

        CliRun run = importing("--dry-run", PAGE_06, PAGE_03_GBK);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestSites.hashes(site)).isEqualTo(before);
        assertThat(run.out()).contains("==> " + page06("01.md") + " <==\n---\ntitle: 流动法庭进牧区 调解纠纷到家门\n",
                "==> " + page06("_page.yml") + " <==\nnumber: 6\nsection: 政法时空\n", "title: 草原深处送法来");
        assertThat(run.err()).contains("dry run: would import 2 of 2 pages (5 stories)", "warning: review:");
    }

    @Test
    void neverOverwritesWithoutForce() throws IOException {
        assertThat(importing(PAGE_06).exitCode()).isZero();
        Files.writeString(page06("01.md"), "---\ntitle: 编辑改过的标题\n---\n改过。\n", StandardCharsets.UTF_8);

        CliRun again = importing(PAGE_06);

        assertThat(again.exitCode()).as("refusing is not unreadable input").isZero();
        assertThat(again.err()).contains("01.md: warning: already exists; page not imported", "--force",
                "imported 0 of 1 pages");
        assertThat(again.out()).isEmpty();
        assertThat(TestSites.read(page06("01.md"))).contains("编辑改过的标题");
    }

    @Test
    void forceReplacesThePagesFilesAndLeavesTheOthers() throws IOException {
        assertThat(importing(PAGE_06).exitCode()).isZero();
        Files.writeString(page06("01.md"), "---\ntitle: 编辑改过的标题\n---\n改过。\n", StandardCharsets.UTF_8);
        Files.writeString(page06("09.md"), "---\ntitle: 另一篇\n---\n正文。\n", StandardCharsets.UTF_8);

        CliRun run = importing("--force", PAGE_06);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TestSites.read(page06("01.md"))).contains("title: 流动法庭进牧区 调解纠纷到家门");
        assertThat(TestSites.read(page06("09.md"))).contains("另一篇");
        assertThat(run.err()).contains("09.md: warning: not part of the imported page; left as it is (--force)");
        assertThat(TestSites.files(page06("").getParent().resolve("06"))).noneMatch(f -> f.startsWith("."));
    }

    @Test
    void aPageThatAlreadyHasOtherArticlesIsNotMixedWith() throws IOException {
        CliRun made = CliRun.run("new", "2025-12-12", "6", "--title", "先建的稿件", "--section", "政法时空",
                "--site", site.toString());
        assertThat(made.exitCode()).isZero();
        Map<String, String> before = TestSites.hashes(site);

        CliRun run = importing(PAGE_06);

        assertThat(run.err()).contains("01.md: warning: already exists; page not imported");
        assertThat(TestSites.hashes(site)).isEqualTo(before);
    }

    @Test
    void aHeadDisagreeingWithAnExistingPageIsReportedNotMerged() throws IOException {
        Path text = dir.resolve("p03.txt");
        Files.writeString(text, "03\n\n北疆法治报\n\n2025/12/12\n\n政法时空\n\n责任编辑:钱某\n\n标题\n\n包头讯 正文。\n",
                StandardCharsets.UTF_8);
        Map<String, String> before = TestSites.hashes(site);

        CliRun run = importing(text);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("content/2025/12/12/03/_page.yml: warning: page 3 of 2025-12-12 already exists "
                + "as '", "but the page text's head says '政法时空'; page not imported");
        assertThat(TestSites.hashes(site)).isEqualTo(before);
    }

    @Test
    void unreadableInputExits1AndTheOtherPagesAreStillImported() throws IOException {
        Path binary = dir.resolve("scan.txt");
        Files.write(binary, new byte[] {'0', '6', '\n', (byte) 0xFF, (byte) 0xFE, (byte) 0x80});
        Path missing = dir.resolve("missing.txt");

        CliRun run = importing(binary, missing, PAGE_06);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains(binary + ": error: cannot read the page text: it is neither UTF-8 nor "
                + "GBK/GB18030", missing + ": error: no such file", "imported 1 of 3 pages", "2 unreadable");
        assertThat(page06("03.md")).exists();
        assertThat(run.err()).doesNotContain("\uFFFD");
    }

    @Test
    void theSamePageTwiceInOneRunIsImportedOnce() throws IOException {
        Path copy = Files.copy(PAGE_06, dir.resolve("copy.txt"));

        CliRun run = importing(PAGE_06, copy);

        assertThat(run.err()).contains(copy + ": warning: page 6 of 2025-12-12 was already imported from "
                + SHOWN_06);
        assertThat(run.err().lines().filter(l -> l.contains("review:"))).as("one review list per page").hasSize(6);
        assertThat(run.out().lines()).hasSize(4);
    }

    @Test
    void theSitesBureausCountAsForNew() throws IOException {
        Files.writeString(site.resolve("site.yml"), "bureaus:\n  - name: 呼伦贝尔市\n    datelines: [巴彦托亥]\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        CliRun run = importing(PAGE_06);

        assertThat(run.err()).doesNotContain("unknown dateline");
        assertThat(TestSites.read(page06("03.md"))).contains("bureau: 呼伦贝尔市\n");
    }

    @Test
    void helpShowsTheOptionsAndExamples() {
        CliRun run = CliRun.run("import", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("FILE...", "--force", "--dry-run", "--site", "Examples:",
                "broadsheet import --dry-run pages/*.txt");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(importing().exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFolderWithoutSiteYmlIsRefusedAsByNew() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CliRun run = CliRun.run("import", "--site", empty.toString(), PAGE_06.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.err()).contains("no site.yml");
        assertThat(TestSites.files(empty)).isEmpty();
    }
}
