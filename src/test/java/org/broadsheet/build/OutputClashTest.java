package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import org.broadsheet.TestSites;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sources that would publish the same file are an error naming both; nothing is published. */
class OutputClashTest {
    @TempDir
    Path temp;

    @Test
    void anAliasOntoAnIssuePageIsRefused() {
        Path site = TestSites.copySample(temp);
        TestSites.write(site.resolve("content/2025/12/12/03/05.md"),
                "---\ntitle: 旧址\ndateline: 包头讯\nauthors: [张三]\naliases: [2025/12/12/]\n---\n正文。\n");
        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(temp.resolve("out")));
        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.FAILED);
        assertThat(result.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("content/2025/12/12/03/05.md"));
            assertThat(p.message()).contains("the generated 2025/12/12/index.html")
                    .contains("are both published as 2025/12/12/index.html");
        });
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void fileNamesThatDifferOnlyInUnicodeFormClash() {
        Path site = TestSites.copySample(temp);
        String composed = Normalizer.normalize("café", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("café", Normalizer.Form.NFD);
        TestSites.write(site.resolve("content/2025/12/12/03/" + composed + ".md"),
                "---\ntitle: 甲\ndateline: 包头讯\nauthors: [张三]\n---\n正文。\n");
        TestSites.write(site.resolve("content/2025/12/12/03/" + decomposed + ".md"),
                "---\ntitle: 乙\ndateline: 包头讯\nauthors: [李四]\n---\n正文。\n");
        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(temp.resolve("out")));
        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.FAILED);
        assertThat(result.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).contains(".md and content/2025/12/12/03/caf"));
    }
}
