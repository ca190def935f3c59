package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.CliRun;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken input fails the build with the file, the line and a hint, and leaves the published site exactly
 * as it was.
 */
class BadInputTest {
    @TempDir
    Path temp;
    Path site;
    Path out;
    Map<String, String> published;

    @BeforeEach
    void publishTheSampleOnce() throws IOException {
        site = TestSites.copySample(temp);
        out = temp.resolve("public");
        assertThat(run().exitCode()).isZero();
        published = TestSites.hashes(out);
    }

    @Test
    void brokenFrontMatterNamesFileAndLine() {
        given("content/2025/12/12/03/02.md", "---\ntitle: 法院开展执行攻坚\nauthors: [张三\n---\n正文。\n");
        CliRun outcome = run();
        thenFailedWith(outcome, "content/2025/12/12/03/02.md:4:1: error: invalid YAML");
    }

    @Test
    void unknownKeyIsReportedWithTheClosestKnownKey() {
        given("content/2025/12/12/03/02.md", "---\ntitle: 法院开展执行攻坚\ndatline: 包头讯\n---\n正文。\n");
        CliRun outcome = run();
        thenFailedWith(outcome, "content/2025/12/12/03/02.md:3:1: error: unknown key 'datline' in article front "
                + "matter (did you mean 'dateline'?)");
    }

    @Test
    void dateThatDisagreesWithItsFolderIsReportedOnItsLine() {
        given("content/2025/12/12/03/02.md", "---\ntitle: 法院开展执行攻坚\ndateline: 包头讯\ndate: 2025-12-11\n"
                + "---\n正文。\n");
        CliRun outcome = run();
        thenFailedWith(outcome, "content/2025/12/12/03/02.md:4:1: error: date 2025-12-11 does not match the "
                + "folder's date 2025-12-12");
    }

    @Test
    void everyProblemOfTheSiteIsReportedAtOnce() {
        given("content/2025/12/12/03/02.md", "---\ntitle: 甲\ntitel: 乙\n---\n正文。\n");
        given("content/2025/12/11/03/02.md", "---\ntitle: 丙\npage: 4\n---\n正文。\n");
        given("site.yml", TestSites.read(site.resolve("site.yml")) + "paginat: 10\n");
        CliRun outcome = run();
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("site.yml:").contains("content/2025/12/11/03/02.md:3:1:");
        // site.yml errors stop the build before content is read; fix it and the content errors both show.
        given("site.yml", TestSites.read(site.resolve("site.yml")).replace("paginat: 10\n", ""));
        outcome = run();
        assertThat(outcome.err()).contains("content/2025/12/12/03/02.md:3:1:").contains(
                "content/2025/12/11/03/02.md:3:1:");
        assertThat(TestSites.hashes(out)).isEqualTo(published);
    }

    @Test
    void keepGoingPublishesTheRestAndLeavesTheBrokenArticleOut() {
        given("content/2025/12/12/03/02.md", "---\ntitle: [broken\n---\n正文。\n");
        CliRun outcome = run("--keep-going");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).contains("content/2025/12/12/03/02.md:");
        assertThat(out.resolve("2025/12/12/03/02.html")).doesNotExist();
        assertThat(out.resolve("2025/12/12/03/01.html")).exists();
    }

    @Test
    void noStackTraceReachesTheUser() {
        given("content/2025/12/12/03/02.md", "\u00ff\u00fe not utf-8 at all");
        writeBytes("content/2025/12/12/03/02.md", new byte[] {(byte) 0xD6, (byte) 0xD0, (byte) 0xCE, (byte) 0xC4,
                '\n'});
        CliRun outcome = run();
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("content/2025/12/12/03/02.md:1: error: file is not valid UTF-8")
                .contains("GB18030").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(TestSites.hashes(out)).isEqualTo(published);
    }

    private void thenFailedWith(CliRun outcome, String line) {
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains(line).contains("the published site was not changed");
        assertThat(TestSites.hashes(out)).isEqualTo(published);
        assertThat(site.resolve(".broadsheet/staging")).doesNotExist();
    }

    private void given(String relative, String text) {
        TestSites.write(site.resolve(relative), text);
    }

    private void writeBytes(String relative, byte[] bytes) {
        try {
            Files.write(site.resolve(relative), bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    private CliRun run(String... extra) {
        return CliRun.build(site, out, extra);
    }

}
