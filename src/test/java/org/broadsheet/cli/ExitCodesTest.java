package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.broadsheet.TestSites;
import org.broadsheet.output.BuildLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes README promises, each provoked for real. */
class ExitCodesTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void successIsZero() {
        Path site = TestSites.copySample(temp);
        assertThat(run("build", "--site", site.toString(), "--quiet")).isZero();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBuildWhileAnotherHoldsTheLockExitsWithThree() throws Exception {
        Path site = TestSites.copySample(temp);
        try (BuildLock held = BuildLock.tryAcquire(site.resolve(".broadsheet")).orElseThrow()) {
            assertThat(run("build", "--site", site.toString())).isEqualTo(3);
        }
        assertThat(err.toString()).contains("another build of this site is running");
        assertThat(site.resolve("public")).doesNotExist();
    }

    @Test
    void anUnsafeOutputFolderIsAUsageError() {
        Path site = TestSites.copySample(temp);
        assertThat(run("build", "--site", site.toString(), "--output", site.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is, or contains, the site folder");
        assertThat(run("build", "--site", site.toString(), "--output", site.resolve("content/out").toString()))
                .isEqualTo(2);
    }

    @Test
    void aNonEmptyForeignFolderNeedsForceAndKeepsItsFiles() {
        Path site = TestSites.copySample(temp);
        Path foreign = temp.resolve("www");
        TestSites.write(foreign.resolve("CNAME"), "paper.example.org\n");
        assertThat(run("build", "--site", site.toString(), "--output", foreign.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--force");
        assertThat(run("build", "--site", site.toString(), "--output", foreign.toString(), "--force")).isZero();
        assertThat(TestSites.read(foreign.resolve("CNAME"))).isEqualTo("paper.example.org\n");
        assertThat(foreign.resolve("index.html")).exists();
    }

    @Test
    void runawayTemplatesAreTheThemesErrorsExitOneAndFreeTheLock() throws Exception {
        Path site = TestSites.copySample(temp);
        Path article = site.resolve("themes/default/templates/article.ftlh");
        TestSites.write(article, "<#list 1.. as i>${i}</#list>\n" + TestSites.read(article));

        assertThat(run("build", "--site", site.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("themes/default/templates/article.ftlh:1:", "wrote more than")
                .doesNotContain("bug in Broadsheet", "out of memory");

        TestSites.write(article, "<#macro again><@again/></#macro>\n<@again/>\n");
        assertThat(run("build", "--site", site.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("themes/default/templates/article.ftlh", "calls itself without end")
                .doesNotContain("bug in Broadsheet");
        assertThat(site.resolve("public")).doesNotExist();
        assertThat(BuildLock.tryAcquire(site.resolve(".broadsheet"))).as("the lock is free again").isPresent();
    }

    @Test
    void problemsExitWithOneAndStrictTurnsWarningsIntoFailures() {
        Path site = TestSites.copySample(temp);
        TestSites.write(site.resolve("content/2025/12/12/03/05.md"), "---\ntitle: 远方来稿\ndateline: 火星讯\n---\n正文。\n");
        assertThat(run("build", "--site", site.toString(), "--quiet")).isZero();
        assertThat(err.toString()).contains("05.md:3: warning: unknown dateline '火星讯'");
        assertThat(run("build", "--site", site.toString(), "--strict")).isEqualTo(1);
    }

    @Test
    void theReportFileListsOutcomeCountsAndProblems() {
        Path site = TestSites.copySample(temp);
        Path report = temp.resolve("report.json");
        TestSites.write(site.resolve("content/2025/12/12/03/05.md"), "---\ntitle: \"引号\\\"测试\"\ndateline: 火星讯\n---\n正文。\n");
        assertThat(run("build", "--site", site.toString(), "--report", report.toString(), "--quiet")).isZero();
        String json = TestSites.read(report);
        assertThat(json).contains("\"outcome\": \"published\"").contains("\"articles\": 49")
                .contains("\"warnings\": 1").contains("\"message\": \"unknown dateline '火星讯'\"")
                .contains("\"cacheNote\": \"no cache yet\"")
                .contains("\"changed\": [\n").contains("\"2025/12/12/03/05.html\"");
    }

    @Test
    void theClockOptionDecidesNowForFeedsAndTheNewsSitemap() {
        Path site = TestSites.copySample(temp);
        Path out = temp.resolve("out");
        assertThat(run("build", "--site", site.toString(), "--output", out.toString(), "--quiet",
                "--clock", "2025-12-20T08:00:00Z")).isZero();
        assertThat(TestSites.read(out.resolve("atom.xml"))).contains("<updated>2025-12-20T16:00:00+08:00</updated>");
        assertThat(TestSites.read(out.resolve("news-sitemap.xml"))).doesNotContain("<url>");
        assertThat(run("build", "--site", site.toString(), "--output", out.toString(), "--quiet")).isZero();
        assertThat(TestSites.read(out.resolve("atom.xml"))).contains("<updated>2025-12-12T23:59:59+08:00</updated>");
        assertThat(TestSites.read(out.resolve("news-sitemap.xml"))).contains("<url>");
    }
}
