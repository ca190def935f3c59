package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.broadsheet.TestSites;
import org.broadsheet.cache.OutputSlots;
import org.broadsheet.config.EngineName;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build whose inputs are exactly those of the last successful build, and whose output is still as that
 * build left it, reads and renders nothing and repeats its report. Any change to a source, the theme,
 * site.yml, an option or the published files makes the build do its work again.
 */
class UpToDateBuildTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2025-12-13T00:00:00Z"));
    private static final String NOTHING_CHANGED = "no input changed since the last build";

    @TempDir
    Path temp;
    Path site;
    Path output;
    BuildResult first;

    @BeforeEach
    void builtOnce() {
        site = TestSites.copySample(temp);
        output = temp.resolve("public");
        TestSites.write(site.resolve("content/2025/12/12/04/98.md"),
                "---\ntitle: 外星来稿\ndateline: 火星讯\n---\n一篇发自未知地点的稿件。\n");
        TestSites.setModified(site, LONG_AGO);
        first = build(options());
        assertThat(first.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(first.problems()).extracting(Problem::message).containsExactly("unknown dateline '火星讯'");
        TestSites.setModified(output, LONG_AGO);
    }

    private BuildOptions options() {
        return BuildOptions.defaults(site).withOutput(output);
    }

    private static BuildResult build(BuildOptions options) {
        return TestSites.build(options);
    }

    @Test
    void aBuildWithNothingChangedDoesNothingAndRepeatsTheReport() throws IOException {
        BuildResult again = build(options());

        assertThat(again.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(again.stats().cacheNote()).isEqualTo(NOTHING_CHANGED);
        assertThat(again.problems()).isEqualTo(first.problems());
        BuildResult.Stats before = first.stats();
        assertThat(again.stats()).isEqualTo(new BuildResult.Stats(before.issues(), before.pages(), before.articles(), before.bureaus(),
                0, before.written(), 0, before.written(), 0, 0, NOTHING_CHANGED));
        assertThat(again.stageMillis()).doesNotContainKeys("articles", "render", "publish");
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile).filter(file -> !modifiedAt(file, LONG_AGO)))
                    .as("files touched").isEmpty();
        }
    }

    @Test
    void aFullBuildAfterAnUpToDateOneFindsNothingToWriteEither() {
        build(options());
        Path article = site.resolve("content/2025/12/10/01/01.md");
        setModified(article, FileTime.fromMillis(LONG_AGO.toMillis() + 1_000)); // same bytes, new time

        BuildResult rebuilt = build(options());

        assertThat(rebuilt.stats().cacheNote()).isEmpty();
        assertThat(rebuilt.stats().written()).isZero();
        assertThat(rebuilt.stats().filesRendered()).isPositive();
        assertThat(build(options()).stats().cacheNote()).as("and the next one is up to date again")
                .isEqualTo(NOTHING_CHANGED);
    }

    private static Arguments change(String name, Consumer<UpToDateBuildTest> change) {
        return Arguments.of(name, change);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("an article's modification time", t -> setModified(
                        t.site.resolve("content/2025/12/11/01/02.md"), FileTime.fromMillis(LONG_AGO.toMillis() + 1))),
                change("an article's size", t -> append(t.site.resolve("content/2025/12/11/01/02.md"), "补充。\n")),
                change("a file beside an article", t -> TestSites.write(
                        t.site.resolve("content/2025/12/11/01/photo.txt"), "x")),
                change("a deleted page settings file", t -> delete(t.site.resolve("content/2025/12/11/01/_page.yml"))),
                change("a template", t -> append(t.site.resolve("themes/default/templates/page.ftlh"), "\n")),
                change("a static file of the theme", t -> append(t.site.resolve("themes/default/static/style.css"),
                        "\n")),
                change("site.yml", t -> append(t.site.resolve("site.yml"), "\n")),
                change("a published page deleted by hand", t -> delete(t.output.resolve("2025/12/11/01/index.html"))),
                change("a published feed deleted by hand", t -> delete(t.output.resolve("rss.xml"))),
                change("a copied static file deleted by hand", t -> delete(t.output.resolve("static/style.css"))),
                change("a published page edited by hand", t -> append(t.output.resolve("2025/12/10/index.html"),
                        "<!-- hand edit -->")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangedInputOrPublishedFileMakesTheBuildDoItsWork(String name, Consumer<UpToDateBuildTest> change) {
        change.accept(this);

        BuildResult rebuilt = build(options());

        assertThat(rebuilt.stats().cacheNote()).isNotEqualTo(NOTHING_CHANGED);
        assertThat(rebuilt.stats().filesRendered()).isPositive();
    }

    static Stream<Arguments> otherOptions() {
        return Stream.of(
                Arguments.of("--drafts", (UnaryOperator<BuildOptions>) o -> o.withDrafts(true)),
                Arguments.of("--engine commonmark", (UnaryOperator<BuildOptions>) o -> o.withEngine(EngineName.COMMONMARK)),
                Arguments.of("--keep-going", (UnaryOperator<BuildOptions>) o -> o.withKeepGoing(true)),
                Arguments.of("--base-url", (UnaryOperator<BuildOptions>) o -> new BuildOptions(o.site(), o.output(),
                        Optional.of(URI.create("https://example.org/other/")), o.engine(), o.drafts(), o.keepGoing(),
                        o.strict(), o.adoptOutput(), o.clock(), o.threads(), o.listingOrder(), o.useCache())),
                Arguments.of("--clock", (UnaryOperator<BuildOptions>) o -> new BuildOptions(o.site(), o.output(),
                        o.baseUrl(), o.engine(), o.drafts(), o.keepGoing(), o.strict(), o.adoptOutput(),
                        Optional.of(Instant.parse("2026-01-01T00:00:00Z")), o.threads(), o.listingOrder(),
                        o.useCache())),
                Arguments.of("--strict", (UnaryOperator<BuildOptions>) o -> new BuildOptions(o.site(), o.output(),
                        o.baseUrl(), o.engine(), o.drafts(), o.keepGoing(), true, o.adoptOutput(), o.clock(),
                        o.threads(), o.listingOrder(), o.useCache())),
                Arguments.of("--no-cache", (UnaryOperator<BuildOptions>) o -> o.withCache(false)),
                Arguments.of("another --output", (UnaryOperator<BuildOptions>) o -> o.withOutput(
                        o.outputDir().resolveSibling("elsewhere"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherOptions")
    void anOptionThatChangesTheOutputMakesTheBuildDoItsWork(String name, UnaryOperator<BuildOptions> option) {
        BuildResult rebuilt = build(option.apply(options()));

        assertThat(rebuilt.stats().cacheNote()).isNotEqualTo(NOTHING_CHANGED);
        assertThat(rebuilt.stageMillis()).as("read the articles (--strict then fails on the warning)")
                .containsKey("articles");
    }

    @Test
    void aBuildWithErrorsIsNeverVouchedFor() {
        Path broken = site.resolve("content/2025/12/11/01/97.md");
        TestSites.write(broken, "---\ntitel: 拼错的键\n---\n正文。\n");
        setModified(broken, LONG_AGO);
        BuildResult keptGoing = build(options().withKeepGoing(true));
        assertThat(keptGoing.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(keptGoing.errorCount()).isPositive();

        BuildResult again = build(options().withKeepGoing(true));

        assertThat(again.stats().cacheNote()).isNotEqualTo(NOTHING_CHANGED);
        assertThat(again.errorCount()).as("the error is found again, not repeated from memory").isPositive();
    }

    @Test
    void sourcesChangedJustBeforeTheBuildAreNotVouchedFor() {
        Path article = site.resolve("content/2025/12/11/01/02.md");
        append(article, "刚刚补充的一句。\n"); // modified now: a second edit within the same second would look the same

        build(options());
        BuildResult again = build(options());

        assertThat(again.stats().cacheNote()).isNotEqualTo(NOTHING_CHANGED);
    }

    @Test
    void aFailedBuildForgetsTheLastOne() throws IOException {
        Path article = site.resolve("content/2025/12/11/01/02.md");
        String original = TestSites.read(article);
        TestSites.write(article, "---\ntitle: [未闭合\n---\n");
        assertThat(build(options()).outcome()).isEqualTo(BuildResult.Outcome.FAILED);
        TestSites.write(article, original);
        setModified(article, LONG_AGO); // exactly the inputs of the first build again

        BuildResult rebuilt = build(options());

        assertThat(rebuilt.stats().cacheNote()).as("a failed build may have been one that published half way")
                .isNotEqualTo(NOTHING_CHANGED);
        assertThat(Files.exists(outputCache().resolve("last-build"))).isTrue();
    }

    @Test
    void aDamagedRecordIsIgnored() throws IOException {
        Files.writeString(outputCache().resolve("last-build"), "损坏");

        BuildResult rebuilt = build(options());

        assertThat(rebuilt.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(rebuilt.stats().cacheNote()).isNotEqualTo(NOTHING_CHANGED);
        assertThat(build(options()).stats().cacheNote()).isEqualTo(NOTHING_CHANGED);
    }

    private static boolean modifiedAt(Path file, FileTime time) {
        try {
            return Files.getLastModifiedTime(file).equals(time);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void setModified(Path file, FileTime time) {
        try {
            Files.setLastModifiedTime(file, time);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        TestSites.write(file, TestSites.read(file) + text);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The build cache's folder for {@code output} ({@code OutputSlots}). */
    private Path outputCache() {
        return OutputSlots.folderFor(site.resolve(".broadsheet/cache"), output);
    }
}
