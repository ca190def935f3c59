package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.CliRun;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadsheet check}: every problem, text or JSON, exit 1 when any; nothing published. */
class CheckCommandTest {
    @TempDir
    Path temp;
    private Path site;

    @BeforeEach
    void sample() {
        site = TestSites.copySample(temp);
    }

    private CliRun check(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "check";
        args[1] = "--site";
        args[2] = site.toString();
        args[3] = "--work";
        args[4] = temp.resolve("check").toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return CliRun.run(args);
    }

    @Test
    void theSampleIsCleanAndNothingIsPublished() {
        CliRun run = check();

        assertThat(run.out()).contains("check: no problems found");
        assertThat(run.exitCode()).isZero();
        assertThat(site.resolve("public")).doesNotExist();
    }

    @Test
    void problemsAreListedWithTheirFileAndLineAndExitOne() throws Exception {
        Path article = site.resolve("content/2025/12/10/01/01.md");
        Files.writeString(article, Files.readString(article).replaceFirst("(?m)^dateline: .*$", "dateline: 火星讯"));
        TestSites.write(site.resolve("content/2025/12/10/01/02.md"), TestSites.read(site.resolve(
                "content/2025/12/10/01/02.md")).replaceFirst("(?m)^title: .*$", "title: [未闭合"));

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("content/2025/12/10/01/02\\.md:\\d+:\\d+: error: invalid YAML")
                .contains("warning: unknown dateline '火星讯'").contains("check: 1 error(s)");
        assertThat(site.resolve("public")).doesNotExist();
    }

    @Test
    void addressesThatDifferOnlyInUnicodeNormalisationAreFound() {
        TestSites.write(site.resolve("content/2025/12/11/01/91.md"),
                "---\ntitle: 旧址一\ndateline: 包头讯\naliases: [html/caf\u00e9.htm]\n---\n正文。\n");
        TestSites.write(site.resolve("content/2025/12/12/01/92.md"),
                "---\ntitle: 旧址二\ndateline: 包头讯\naliases: [html/cafe\u0301.htm]\n---\n正文。\n");

        CliRun run = check("--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = readJson(run.out());
        assertThat(json.get("errors").asInt()).as(run.out()).isEqualTo(1);
        JsonNode problem = json.get("problems").get(0);
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("message").asText()).contains("html/caf\u00e9.htm", "html/cafe\u0301.htm");
    }

    @Test
    void aSecondCheckAfterAnEditIsIncrementalAndSeesTheEdit() throws Exception {
        assertThat(check().exitCode()).isZero();
        Path article = site.resolve("content/2025/12/10/01/01.md");
        Files.writeString(article, Files.readString(article) + "\n[断链](../../../../2099/01/01/01/none.html)\n");

        CliRun run = check();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("content/2025/12/10/01/01.md");
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
