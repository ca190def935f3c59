package org.broadsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/WarmBuilds.java, run against the packaged jar as the benchmark's README tells: it is run by hand
 * only, so without this it would break unnoticed when the build's API changes.
 */
class WarmBuildsIT {
    @TempDir
    Path temp;

    /** edit-told: the same rounds through a resident session told which file changed, as serve builds. */
    @ParameterizedTest
    @ValueSource(strings = {"edit", "edit-told"})
    void editRoundsChangeOneArticleEachAndRebuild(String mode) throws Exception {
        Path site = TestSites.copySample(temp);
        assertThat(TestSites.build(BuildOptions.defaults(site)).outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);

        String output = warmBuilds(mode, site, 2);

        List<String> rounds = output.lines().filter(line -> line.contains("round ")).toList();
        assertThat(rounds).hasSize(2).allSatisfy(line -> assertThat(line).contains("PUBLISHED").contains("list ")
                .contains("render ").doesNotContain(" 0 files written"));
        // Each round names the article it edited (the sample's one month makes it the same) and appends a line.
        for (int round = 1; round <= 2; round++) {
            String line = rounds.get(round - 1);
            String source = line.substring("edited ".length(), line.indexOf(": round"));
            assertThat(Files.readString(site.resolve(source), StandardCharsets.UTF_8))
                    .contains("\n（第" + round + "次补记）\n");
        }
        assertThat(TestSites.files(site.resolve("public")).stream()
                .filter(file -> file.endsWith(".html"))
                .anyMatch(file -> TestSites.read(site.resolve("public").resolve(file)).contains("（第2次补记）")))
                .isTrue();
    }

    @Test
    void coldRoundsBuildIntoANewFolderEach() throws Exception {
        Path site = TestSites.copySample(temp);

        String output = warmBuilds("cold", site, 2);

        assertThat(output.lines().filter(line -> line.startsWith("round "))).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("PUBLISHED"));
        assertThat(site.resolve("warm-builds/round-1/index.html")).exists();
        assertThat(site.resolve("warm-builds/round-2/index.html")).exists();
        assertThat(TestSites.read(site.resolve("warm-builds/round-2/index.html")))
                .isEqualTo(TestSites.read(site.resolve("warm-builds/round-1/index.html")));
    }

    @Test
    void aRoundThatDoesNotPublishStopsTheRunWithItsProblems() throws Exception {
        Path site = TestSites.copySample(temp);
        TestSites.write(site.resolve("content/2025/12/12/02/99.md"), "---\ntitel: 错字\n---\n正文\n");

        Run run = run("cold", site, 3);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.output.lines().filter(line -> line.startsWith("round "))).singleElement().asString()
                .contains("FAILED");
        assertThat(run.output).contains("99.md").contains("titel");
    }

    @Test
    void aWrongCommandIsAUsageError() throws Exception {
        Run run = run("again", temp, 1);
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.output).contains("usage: ");
    }

    record Run(int exitCode, String output) {
    }

    private static String warmBuilds(String mode, Path site, int rounds) throws IOException, InterruptedException {
        Run run = run(mode, site, rounds);
        assertThat(run.exitCode).as(run.output).isZero();
        return run.output;
    }

    private static Run run(String mode, Path site, int rounds) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar")).toAbsolutePath()
                .toString();
        Process process = new ProcessBuilder(java, "-cp", jar, Path.of("bench/WarmBuilds.java").toAbsolutePath()
                .toString(), mode, site.toString(), Integer.toString(rounds)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
