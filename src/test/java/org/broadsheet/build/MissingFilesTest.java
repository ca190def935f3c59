package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.broadsheet.CliRun;
import org.broadsheet.TestSites;
import org.broadsheet.config.EngineName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image whose file is missing fails the build on its line, and a link that leads nowhere is a warning on
 * its line: neither is published silently. Files that do exist, other stories by source or by page, and URLs
 * that are not files of the site pass without a word.
 */
class MissingFilesTest {
    /** Page 3 of the sample's issue of 12 December; its story 02.md is replaced by each test. */
    private static final String STORY = "content/2025/12/12/03/02.md";
    /** Four lines of front matter: the body starts on line 5. */
    private static final String FRONT = "---\ntitle: 法院开展执行攻坚\ndateline: 包头讯\n---\n";

    @TempDir
    Path temp;
    Path site;
    Path out;
    Map<String, String> published;

    @BeforeEach
    void publishTheSampleOnce() {
        site = TestSites.copySample(temp);
        out = temp.resolve("public");
        CliRun first = run();
        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).doesNotContain("warning");
        published = TestSites.hashes(out);
    }

    @Test
    void missingImageIsAnErrorOnItsLineInTheFile() {
        given(STORY, FRONT + "正文第一段。\n\n![执行现场](photo.jpg)\n");
        CliRun outcome = run();
        thenFailedWith(outcome, STORY + ":7: error: image 'photo.jpg' not found: there is no file "
                + "content/2025/12/12/03/photo.jpg (put the image beside the article, or correct its name)");
    }

    @Test
    void missingFigureInAFolderIsAnErrorOnItsLine() {
        given(STORY, FRONT + "正文。\n\n正文。\n\n![执行现场](img/photo.jpg \"干警在现场\")\n");
        CliRun outcome = run();
        thenFailedWith(outcome, STORY + ":9: error: image 'img/photo.jpg' not found: there is no file "
                + "content/2025/12/12/03/img/photo.jpg");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void bothEnginesReportTheSameLines(EngineName engine) {
        given(STORY, FRONT + "正文，另见[判决书](判决书.pdf)。\n\n> 引文\n> - [附件][a]\n\n[a]: 附件.pdf\n");
        CliRun outcome = run("--engine", engine.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).contains(STORY + ":5: warning: link '判决书.pdf' leads nowhere")
                .contains(STORY + ":8: warning: link '附件.pdf' leads nowhere");
    }

    @Test
    void theLineCountsFromTheFileWhenTheStoryJumpsPages() {
        given(STORY, FRONT + "正文。\n<!-- 转版 -->\n接上文。\n\n![图](gone.png)\n");
        CliRun outcome = run();
        thenFailedWith(outcome, STORY + ":9: error: image 'gone.png' not found");
    }

    @Test
    void presentImageIsPublishedBesideTheStory() throws IOException {
        given(STORY, FRONT + "正文。\n\n![执行现场](现场%20照片.jpg \"干警在现场\")\n");
        Files.write(site.resolve("content/2025/12/12/03/现场 照片.jpg"), new byte[] {1, 2, 3});
        CliRun outcome = run("--strict");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).doesNotContain("warning").doesNotContain("error");
        assertThat(out.resolve("2025/12/12/03/现场 照片.jpg")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void missingLinkIsAWarningOnItsLineAndTheSiteIsPublished() {
        given(STORY, FRONT + "正文。\n\n详见[判决书](判决书.pdf#page=2)和[上一版](../02/09.md)。\n");
        CliRun outcome = run();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err())
                .contains(STORY + ":7: warning: link '判决书.pdf' leads nowhere: there is no file "
                        + "content/2025/12/12/03/判决书.pdf, and the site publishes nothing at 2025/12/12/03/判决书.pdf")
                .contains(STORY + ":7: warning: link '../02/09.md' leads nowhere");
        assertThat(out.resolve("2025/12/12/03/02.html")).exists();
    }

    @Test
    void missingLinkFailsAStrictBuild() {
        given(STORY, FRONT + "正文。\n\n详见[判决书](判决书.pdf)。\n");
        CliRun outcome = run("--strict");
        thenFailedWith(outcome, STORY + ":7: warning: link '判决书.pdf' leads nowhere");
    }

    @Test
    void linksToStoriesPagesAndFilesThatExistPassSilently() {
        given(STORY, FRONT + """
                见[头版头条](../01/01.md)、[头版头条页](../01/xianfa-xuanchuan-zhou.html)、[头版](../01/)、
                [头版](../01)、[本版](./)、[本期](../)、[前一天](../../11/02/01.md)、[本月](../../)、[本年](../../../)、
                [版面PDF](../01/page.pdf)、[图片](../01/xuanchuan.png)、[关于本报](../../../../pages/about.html)、
                [首页](../../../../)、[地区](../../../../bureaus/)、[订阅](../../../../rss.xml)。
                """);
        CliRun outcome = run("--strict");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).doesNotContain("warning");
    }

    @Test
    void aLinkToAStoryByItsFileNameFailsWhenItsSlugRenamedIt() {
        // 01.md is published as xianfa-xuanchuan-zhou.html: a link by page URL must use the published name.
        given(STORY, FRONT + "见[头版头条](../01/01.html)。\n");
        CliRun outcome = run();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).contains(STORY + ":5: warning: link '../01/01.html' leads nowhere");
    }

    @Test
    void urlsThatAreNoFilesOfTheSiteAreLeftAlone() {
        given(STORY, FRONT + """
                见[官网](https://example.org/a.pdf)、[邮件](mailto:a@example.org)、[注](#note)、[根](/x.html)、
                [主机](//example.org/x.pdf)、[查询](?q=1)、<https://example.org/b.pdf>、www.example.org、
                [脚本](javascript:alert(1))。
                """);
        CliRun outcome = run("--strict");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).doesNotContain("warning");
    }

    @Test
    void aPathClimbingAboveTheSiteLeadsNowhere() {
        given(STORY, FRONT + "[上级](../../../../../secret.pdf)\n\n![图](../../../../../x.png)\n");
        CliRun outcome = run();
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains(STORY + ":5: warning: link '../../../../../secret.pdf' leads outside the site")
                .contains(STORY + ":7: error: image '../../../../../x.png' leads outside the site");
    }

    @Test
    void keepGoingLeavesTheStoryWithAMissingImageOut() {
        given(STORY, FRONT + "正文。\n\n![执行现场](photo.jpg)\n");
        CliRun outcome = run("--keep-going");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).contains(STORY + ":7: error: image 'photo.jpg' not found");
        assertThat(out.resolve("2025/12/12/03/02.html")).doesNotExist();
        assertThat(out.resolve("2025/12/12/03/01.html")).exists();
    }

    @Test
    void aCachedStoryIsCheckedAgainWhenAFileItNamesIsDeleted() throws IOException {
        given(STORY, FRONT + "正文。\n\n![执行现场](photo.jpg)\n\n[附件](附件.pdf)\n");
        Files.write(site.resolve("content/2025/12/12/03/photo.jpg"), new byte[] {1});
        Files.write(site.resolve("content/2025/12/12/03/附件.pdf"), new byte[] {2});
        // Older than the cache's two-second window, so that the build remembers the story.
        TestSites.setModified(site, FileTime.from(Instant.parse("2025-12-13T00:00:00Z")));
        assertThat(build().problems()).isEmpty();

        Files.delete(site.resolve("content/2025/12/12/03/附件.pdf"));
        BuildResult withoutAttachment = build();
        assertThat(withoutAttachment.stats().fromCache()).isPositive();
        assertThat(withoutAttachment.problems()).extracting(org.broadsheet.problem.Problem::format)
                .singleElement().asString().startsWith(STORY + ":9: warning: link '附件.pdf' leads nowhere");

        Files.delete(site.resolve("content/2025/12/12/03/photo.jpg"));
        BuildResult withoutPhoto = build();
        assertThat(withoutPhoto.outcome()).isEqualTo(BuildResult.Outcome.FAILED);
        assertThat(withoutPhoto.problems()).extracting(org.broadsheet.problem.Problem::format)
                .anySatisfy(line -> assertThat(line).startsWith(STORY + ":7: error: image 'photo.jpg' not found"));
    }

    private BuildResult build() {
        return TestSites.build(BuildOptions.defaults(site).withOutput(out));
    }

    @Test
    void missingImageOnAStandalonePageIsAnError() {
        given("content/pages/about.md", "---\ntitle: 关于本报\norder: 1\n---\n本报简介。\n\n![报社](building.jpg)\n");
        CliRun outcome = run();
        thenFailedWith(outcome, "content/pages/about.md:7: error: image 'building.jpg' not found: there is no file "
                + "content/pages/building.jpg, and the site publishes nothing at pages/building.jpg");
    }

    @Test
    void missingPageScanIsAnErrorOnItsKey() {
        Path scan = site.resolve("content/2025/12/12/01/scan.png");
        try {
            Files.delete(scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliRun outcome = run();
        thenFailedWith(outcome, "content/2025/12/12/01/_page.yml:6:1: error: image 'scan.png' is not a file in "
                + "content/2025/12/12/01 (put the file beside _page.yml and give its name only)");
    }

    private void thenFailedWith(CliRun outcome, String line) {
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains(line).contains("the published site was not changed");
        assertThat(TestSites.hashes(out)).isEqualTo(published);
    }

    private void given(String relative, String text) {
        TestSites.write(site.resolve(relative), text);
    }


    private CliRun run(String... extra) {
        return CliRun.build(site, out, extra);
    }

}
