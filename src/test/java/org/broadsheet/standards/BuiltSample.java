package org.broadsheet.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;

/** The repository's sample site (content/, themes/, site.yml) built into a temporary folder for the checkers. */
final class BuiltSample {
    private BuiltSample() {
    }

    /** Builds the sample under {@code temp} and returns the output folder; a build with problems fails the test. */
    static Path build(Path temp) {
        Path site = TestSites.copySample(temp);
        Path out = temp.resolve("public");
        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(out));
        assertThat(result.problems()).as("problems building the sample").isEmpty();
        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        return out;
    }

    /**
     * Every HTML document of the output, relative and sorted: the pages ({@code .html}) and the legacy addresses'
     * redirect pages ({@code .htm}, named after the old e-paper system's files).
     */
    static List<String> htmlFiles(Path out) {
        return TestSites.files(out).stream().filter(f -> f.endsWith(".html") || f.endsWith(".htm")).toList();
    }
}
