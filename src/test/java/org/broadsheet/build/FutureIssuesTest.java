package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.broadsheet.TestSites;
import org.broadsheet.cli.Main;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An issue dated more than a day after the build's clock (a typo such as content/9999/…) is a warning
 * naming its folder; the site is still built from its inputs alone.
 */
class FutureIssuesTest {
    private static final LocalDate TODAY_IN_THE_SAMPLE = LocalDate.of(2025, 12, 12);
    private static final LocalDate TYPO = LocalDate.of(9999, 1, 1);

    @TempDir
    Path temp;
    Path out;

    @Test
    void anIssueFarInTheFutureIsAWarningNamingItsFolder() {
        BuildResult result = build(givenIssuesOn(TODAY_IN_THE_SAMPLE, TYPO));

        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.file()).isEqualTo(Path.of("content", "9999", "01", "01"));
            assertThat(problem.message()).startsWith("issue folder content/9999/01/01/ is dated more than a day "
                    + "after the build's clock");
            assertThat(problem.hint()).contains("typo in the folder name?");
        });
        // What is published comes from the inputs, not from the real time: the typo is still the newest issue.
        assertThat(TestSites.read(out.resolve("atom.xml"))).contains("<updated>9999-01-01T23:59:59+08:00</updated>");
    }

    @Test
    void theWarningIsGivenAgainByTheNextBuildAndNotReplayedFromTheLastOne() {
        Path site = givenIssuesOn(TODAY_IN_THE_SAMPLE, TYPO);
        TestSites.setModified(site, FileTime.from(Instant.parse("2025-12-13T00:00:00Z"))); // old enough to trust
        build(site);

        BuildResult again = build(site);

        assertThat(again.stats().cacheNote()).isNotEqualTo("no input changed since the last build");
        assertThat(again.problems()).extracting(Problem::file).containsExactly(Path.of("content/9999/01/01"));
    }

    @Test
    void aBuildWithStrictFailsOnIt() {
        Path site = givenIssuesOn(TODAY_IN_THE_SAMPLE, TYPO);

        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(out).withStrict(true));

        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.FAILED);
        assertThat(out).doesNotExist();
    }

    @Test
    void theCommandLinePrintsItAndStillSucceeds() {
        Path site = givenIssuesOn(TODAY_IN_THE_SAMPLE, TYPO);
        StringWriter err = new StringWriter();

        int exitCode = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "build",
                "--site", site.toString(), "--output", out.toString(), "--quiet");

        assertThat(exitCode).isZero();
        assertThat(err.toString()).contains("content/9999/01/01: warning: issue folder content/9999/01/01/ is dated");
    }

    @Test
    void anIssueDatedTomorrowIsNoWarning() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

        assertThat(build(givenIssuesOn(TODAY_IN_THE_SAMPLE, tomorrow)).problems()).isEmpty();
    }

    @Test
    void theClockDecidesWhatIsTooFarAhead() {
        // 20:00 in Shanghai on 11 December: the next day's paper is being made up, the one after is not.
        Instant evening = Instant.parse("2025-12-11T12:00:00Z");
        Path site = givenIssuesOn(LocalDate.of(2025, 12, 11), LocalDate.of(2025, 12, 12));
        assertThat(TestSites.build(BuildOptions.defaults(site).withOutput(out).withClock(evening)).problems())
                .isEmpty();

        TestSites.write(site.resolve("content/2025/12/13/01/01.md"), "---\ntitle: 后天的报纸\n---\n正文。\n");
        assertThat(TestSites.build(BuildOptions.defaults(site).withOutput(out).withClock(evening)).problems())
                .extracting(Problem::file).containsExactly(Path.of("content/2025/12/13"));
    }

    @Test
    void withAClockIn2030AnIssueOf2029IsNoWarning() {
        Path site = givenIssuesOn(LocalDate.of(2029, 6, 1), LocalDate.of(2029, 12, 31));

        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(out)
                .withClock(Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(result.problems()).isEmpty();
    }

    private Path givenIssuesOn(LocalDate... dates) {
        out = temp.resolve("public");
        return TestSites.storyADay(temp, "Asia/Shanghai", List.of(dates));
    }

    private BuildResult build(Path site) {
        return TestSites.build(BuildOptions.defaults(site).withOutput(out));
    }
}
