package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.broadsheet.TestSites;
import org.broadsheet.cache.OutputSlots;
import org.broadsheet.output.OutputMarker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One site built into several output folders (the published site, a preview, later {@code serve} and
 * {@code check}): each folder is kept as a build of the current sources into it from scratch would leave it,
 * whatever was built elsewhere in between. A story taken down must come down from every folder built after.
 */
class OutputFoldersTest {
    @TempDir
    Path temp;
    Path site;
    int scratchBuilds;
    Path published;
    Path preview;

    @BeforeEach
    void givenTheSample() {
        site = TestSites.copySample(temp);
        published = temp.resolve("public");
        preview = temp.resolve("preview");
    }

    private BuildResult buildInto(Path output) {
        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(output));
        assertThat(result.outcome()).as("build into " + output.getFileName() + ": " + result.problems())
                .isEqualTo(BuildResult.Outcome.PUBLISHED);
        return result;
    }

    /** The current sources built from scratch: a copy of the site, no cache, a new folder. */
    private Path builtFromScratch() {
        return TestSites.builtFromScratch(site, temp.resolve("scratch-" + ++scratchBuilds));
    }

    private void thenEqualsAFreshBuild(Path output) {
        assertThat(TreeDiff.between(output, builtFromScratch()))
                .as("files of " + output.getFileName() + " that differ from a build from scratch").isEmpty();
    }

    @Test
    void aStoryDeletedAfterAPreviewBuildComesDownFromThePublishedSite() throws IOException {
        buildInto(published);
        buildInto(preview);
        Files.delete(site.resolve("content/2025/12/10/01/03.md"));

        BuildResult result = buildInto(published);

        assertThat(published.resolve("2025/12/10/01/03.html")).doesNotExist();
        assertThat(result.stats().removed()).isPositive();
        thenEqualsAFreshBuild(published);
    }

    @Test
    void aStoryDeletedWhileTheBuildStateWasLostStillComesDown() throws IOException {
        buildInto(published);
        deleteTree(site.resolve(".broadsheet")); // a fresh clone in CI, publishing into a kept folder
        Files.delete(site.resolve("content/2025/12/10/01/03.md"));

        buildInto(published);

        assertThat(published.resolve("2025/12/10/01/03.html")).doesNotExist();
        thenEqualsAFreshBuild(published);
    }

    @Test
    void alternatingFoldersOverASeriesOfEditsKeepsEachOneAsAFreshBuild() {
        List<Consumer<Path>> edits = List.of(
                site -> TestSites.write(site.resolve("content/2025/12/12/04/99.md"),
                        "---\ntitle: 新增稿件：社区矫正对象集中教育\ndateline: 集宁讯\n---\n社区矫正对象集中教育活动举行。\n"),
                site -> delete(site.resolve("content/2025/12/11/01/04.md")),
                site -> move(site.resolve("content/2025/12/11/02/03.md"), site.resolve("content/2025/12/11/03/09.md")),
                site -> replace(site.resolve("content/2025/12/11/01/03.md"), "title: ", "withdrawn: true\ntitle: "),
                site -> replace(site.resolve("content/2025/12/10/01/01.md"), "title: ", "slug: xianfa-xuanchuan\ntitle: "),
                site -> delete(site.resolve("content/2025/12/12/04/99.md")));
        buildInto(published);
        buildInto(preview);
        int round = 0;
        for (Consumer<Path> edit : edits) {
            edit.accept(site);
            Path output = round++ % 2 == 0 ? published : preview;

            buildInto(output);

            thenEqualsAFreshBuild(output);
        }
        buildInto(published);
        buildInto(preview);
        thenEqualsAFreshBuild(published);
        thenEqualsAFreshBuild(preview);
    }

    @Test
    void eachFolderKeepsItsOwnRenderMemory() throws IOException {
        TestSites.setModified(site, FileTime.from(Instant.parse("2025-12-13T00:00:00Z"))); // past the cache's window
        buildInto(published);
        buildInto(preview);
        // Without the record of public/'s last build, which would skip the render stage altogether.
        Files.deleteIfExists(OutputSlots.folderFor(site.resolve(".broadsheet/cache"), published).resolve("last-build"));

        BuildResult again = buildInto(published);

        assertThat(again.stats().written()).as("nothing changed for public/").isZero();
        assertThat(again.stats().filesKept()).as("pages its memory, not replaced by the preview's, kept")
                .isGreaterThan(48);
    }

    @Test
    void anotherSiteIsRefusedTheFolderUnlessForcedAndThenTakesItOver() throws IOException {
        buildInto(published);
        Path other = TestSites.copySample(temp.resolve("other"));
        Files.delete(other.resolve("content/2025/12/10/01/03.md"));

        BuildResult refused = TestSites.build(BuildOptions.defaults(other).withOutput(published));
        assertThat(refused.outcome()).isEqualTo(BuildResult.Outcome.OUTPUT_REFUSED);
        assertThat(refused.problems().get(0).message()).contains("published by another Broadsheet site");

        BuildResult forced = TestSites.build(new BuildOptions(other, java.util.Optional.of(published),
                java.util.Optional.empty(), java.util.Optional.empty(), false, false, false, true,
                java.util.Optional.empty(), 2, java.util.function.UnaryOperator.identity(), true));
        assertThat(forced.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(published.resolve("2025/12/10/01/03.html")).doesNotExist();
        assertThat(OutputMarker.read(published).flatMap(OutputMarker::site)).contains(OutputMarker.siteId(other));

        BuildResult firstSiteAgain = TestSites.build(BuildOptions.defaults(site).withOutput(published));
        assertThat(firstSiteAgain.outcome()).as("the first site no longer owns the folder")
                .isEqualTo(BuildResult.Outcome.OUTPUT_REFUSED);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to) {
        String text = TestSites.read(file);
        assertThat(text).contains(from);
        TestSites.write(file, text.replaceFirst(from, to));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
