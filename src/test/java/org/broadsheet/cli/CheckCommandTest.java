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

    /**
     * One fixture for each kind of finding; each is reported with its file, and its line where it has one (a
     * template's broken link once, with the number of pages it is on).
     */
    @Test
    void everyKindOfFindingIsReportedWithItsFile() throws Exception {
        String page = "content/2025/12/10/01/";
        append(page + "01.md", "\n[见前文](02.html#没有这个锚点)\n\n[别处](../../../../2031/01/01/01/)\n");
        append("content/2025/12/11/01/01.md", "\n![现场照片](不存在的照片.jpg)\n");
        replaceLine(page + "02.md", "dateline", "dateline: 火星讯");
        replaceLine(page + "03.md", "title", "title: 跳到不存在的版\ncontinues: 9");
        replaceLine(page + "04.md", "title", "title: 热区越界\narea: [80, 0, 30, 10]");
        TestSites.write(site.resolve("content/2025/12/10/05/_page.yml"), "number: 5\nsection: 空版\n");
        TestSites.write(site.resolve("content/2025/12/14/_issue.yml"), "number: 99\n");
        TestSites.write(site.resolve("content/2025/12/11/01/90.md"),
                "---\ntitle: 旧址一\ndateline: 包头讯\naliases: [html/2025-12/10/content_5101021.htm]\n---\n正文。\n");
        Path template = site.resolve("themes/default/templates/layout.ftlh");
        Files.writeString(template, Files.readString(template).replace("</footer>",
                "<a href=\"${chrome.home}no-such-page/\">坏链接</a></footer>"));

        CliRun run = check("--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode problems = readJson(run.out()).get("problems");
        assertFound(problems, page + "01.md", true, "#没有这个锚点");
        assertFound(problems, "content/2025/12/11/01/01.md", true, "不存在的照片.jpg");
        assertFound(problems, page + "01.md", true, "2031/01/01/01");
        assertFound(problems, page + "02.md", false, "unknown dateline '火星讯'");
        assertFound(problems, page + "03.md", false, "continues: 9");
        assertFound(problems, page + "04.md", true, "outside the page image");
        assertFound(problems, "content/2025/12/10/05", false, "page has no published articles");
        assertFound(problems, "content/2025/12/14/_issue.yml", false, "issue has no pages");
        assertFound(problems, "content/2025/12/11/01/90.md", false, "html/2025-12/10/content_5101021.htm");
        assertFound(problems, null, false, "publishes nothing at no-such-page/ (on ");
    }

    @Test
    void aMissingPageScanIsReportedOnItsLine() {
        TestSites.write(site.resolve("content/2025/12/12/01/_page.yml"), TestSites.read(site.resolve(
                "content/2025/12/12/01/_page.yml")).replace("image: scan.png", "image: missing-scan.png"));

        CliRun run = check("--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertFound(readJson(run.out()).get("problems"), "content/2025/12/12/01/_page.yml", true, "missing-scan.png");
    }

    private void append(String file, String text) throws Exception {
        Path path = site.resolve(file);
        Files.writeString(path, Files.readString(path) + text);
    }

    private void replaceLine(String file, String key, String replacement) throws Exception {
        Path path = site.resolve(file);
        Files.writeString(path, Files.readString(path).replaceFirst("(?m)^" + key + ": .*$", replacement));
    }

    private static void assertFound(JsonNode problems, String file, boolean withLine, String text) {
        java.util.List<JsonNode> matching = new java.util.ArrayList<>();
        problems.forEach(problem -> {
            if ((file == null || problem.get("file").asText().equals(file))
                    && problem.get("message").asText().contains(text)) {
                matching.add(problem);
            }
        });
        assertThat(matching).as("a finding in %s about %s, among %s", file, text, problems.toPrettyString())
                .isNotEmpty();
        if (withLine) {
            assertThat(matching.get(0).get("line").asInt()).as("its line").isPositive();
        }
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
