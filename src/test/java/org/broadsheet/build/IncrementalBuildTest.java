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
import java.util.stream.Stream;
import org.broadsheet.TestSites;
import org.broadsheet.cache.OutputSlots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rebuild that uses the build cache publishes exactly what a build from scratch publishes, whatever was
 * edited, while reading and rendering only what the edit touched. Every input that article pages depend on
 * is edited here once; a dependency missing from the page fingerprints shows up as a stale file.
 */
class IncrementalBuildTest {
    /** Sources older than the cache's two-second window, so that the first build remembers them. */
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2025-12-13T00:00:00Z"));
    private static final int PUBLISHED_ARTICLES = 48;

    @TempDir
    Path temp;
    Path site;
    int scratchBuilds;
    Path output;

    @BeforeEach
    void builtOnce() {
        site = TestSites.copySample(temp);
        output = temp.resolve("public");
        age(site);
        BuildResult cold = build();
        assertThat(cold.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(cold.stats().fromCache()).isZero();
        age(output);
    }

    private BuildResult build() {
        return TestSites.build(BuildOptions.defaults(site).withOutput(output));
    }

    /** The same sources built from scratch in another folder, with no cache at all. */
    private Path builtFromScratch() {
        return TestSites.builtFromScratch(site, temp.resolve("scratch-" + ++scratchBuilds));
    }

    private static void age(Path dir) {
        TestSites.setModified(dir, LONG_AGO);
    }

    /** Replaces {@code from} with {@code to} in the site file {@code path}, which must contain it. */
    private static Consumer<Path> replace(String path, String from, String to) {
        return site -> {
            String text = TestSites.read(site.resolve(path));
            assertThat(text).as(path).contains(from);
            TestSites.write(site.resolve(path), text.replace(from, to));
        };
    }

    private static Consumer<Path> append(String path, String text) {
        return site -> TestSites.write(site.resolve(path), TestSites.read(site.resolve(path)) + text);
    }

    private static Arguments edit(String name, Consumer<Path> edit) {
        return Arguments.of(name, edit);
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("an article's body", append("content/2025/12/11/01/02.md", "\n新增一段：执法检查将持续到年底。\n")),
                edit("an article's title (its neighbours link to it)", replace("content/2025/12/11/01/02.md",
                        "title: 森林草原生态保护有了“司法屏障”", "title: 森林草原有了“司法屏障”")),
                edit("the title of an issue's first story (the issue before links to it)", replace(
                        "content/2025/12/12/01/01.md", "title: 全区广泛开展“宪法宣传周”系列活动",
                        "title: 全区开展“宪法宣传周”活动")),
                edit("the title of an issue's last story (the issue after links to it)", replace(
                        "content/2025/12/11/04/04.md", "title: 调解员王𬘭的“板凳调解”", "title: 王𬘭的“板凳调解”")),
                edit("an issue's last story deleted (its neighbours link past it)",
                        site -> delete(site.resolve("content/2025/12/11/04/04.md"))),
                edit("a kicker (the page's other stories list it)", replace("content/2025/12/11/01/03.md",
                        "title: 法律援助律师帮农民工讨回血汗钱", "title: 法律援助律师帮农民工讨回血汗钱\nkicker: 法援惠民生")),
                edit("a dateline, which moves the story to another bureau", replace(
                        "content/2025/12/11/01/04.md", "dateline: 乌兰浩特讯", "dateline: 包头讯")),
                edit("a page's label", append("content/2025/12/11/01/_page.yml", "label: A01\n")),
                edit("an issue's edition", replace("content/2025/12/12/_issue.yml", "edition: 特刊",
                        "edition: 宪法宣传周特刊")),
                edit("a new article", site -> TestSites.write(site.resolve("content/2025/12/12/04/99.md"),
                        "---\ntitle: 新增稿件\ndateline: 集宁讯\n---\n新增的稿件正文。\n")),
                edit("a deleted article", site -> delete(site.resolve("content/2025/12/11/01/04.md"))),
                edit("a new issue (calendars, neighbours, months)", site -> TestSites.write(
                        site.resolve("content/2025/12/15/01/01.md"), "---\ntitle: 新一期的头条\ndateline: 本报讯\n---\n正文。\n")),
                edit("a withdrawn article", replace("content/2025/12/11/01/03.md", "title: ",
                        "withdrawn: true\ntitle: ")),
                edit("an article made a draft", replace("content/2025/12/11/01/03.md", "title: ",
                        "draft: true\ntitle: ")),
                edit("the site's title", replace("site.yml", "title: 北疆法治报", "title: 北疆法治报（测试）")),
                edit("a standalone page's title (every footer links to it)", replace("content/pages/about.md",
                        "title: 关于本报", "title: 关于我们")),
                edit("the article template", append("themes/default/templates/article.ftlh",
                        "<#-- 模板修改 -->\n<!-- edited -->\n")),
                edit("the layout every template imports", replace("themes/default/templates/layout.ftlh",
                        "</body>", "<!-- layout edited --></body>")),
                edit("one character, keeping the file's size", site -> {
                    Path file = site.resolve("content/2025/12/10/01/01.md");
                    String text = TestSites.read(file);
                    int at = text.lastIndexOf('。');
                    TestSites.write(file, text.substring(0, at) + "！" + text.substring(at + 1));
                    setModified(file, LONG_AGO.toMillis() + 1_000);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aRebuildAfterAnEditPublishesWhatABuildFromScratchPublishes(String name, Consumer<Path> edit) {
        edit.accept(site);

        BuildResult rebuild = build();

        assertThat(rebuild.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(TreeDiff.between(output, builtFromScratch())).as("files that differ from a build from scratch")
                .isEmpty();
        if (!name.startsWith("the layout") && !name.startsWith("the site's title")) {
            assertThat(rebuild.stats().filesKept()).as("pages the cache showed to be current").isPositive();
        }
        assertThat(rebuild.stats().fromCache()).as("articles taken from the cache")
                .isGreaterThan(PUBLISHED_ARTICLES - 3);
    }

    @Test
    void twoBannersRewrittenAsOneBannerHoldingTheirTextReachThePage() {
        replace("content/2025/12/10/02/_page.yml", "  - 走进包头 看法治", "  - 走进包头 看法治\n  - 法治护航").accept(site);
        assertThat(build().outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        age(site);
        age(output);
        // The same text as the list above once printed as a list: [走进包头 看法治, 法治护航].
        replace("content/2025/12/10/02/_page.yml", "  - 走进包头 看法治\n  - 法治护航", "  - 走进包头 看法治, 法治护航")
                .accept(site);

        build();

        assertThat(TreeDiff.between(output, builtFromScratch())).isEmpty();
        assertThat(TestSites.read(output.resolve("2025/12/10/02/index.html"))).contains("走进包头 看法治, 法治护航");
    }

    @Test
    void aRebuildWithoutChangesRendersNoPageAndWritesNothing() {
        forgetLastBuild();

        BuildResult rebuild = build();

        assertThat(rebuild.stats().fromCache()).isEqualTo(PUBLISHED_ARTICLES + 1); // the withdrawn one too
        assertThat(rebuild.stats().written()).isZero();
        assertThat(rebuild.stats().filesKept()).isGreaterThan(PUBLISHED_ARTICLES + 12 + 3);
        assertThat(htmlFilesNewerThanLongAgo()).isEmpty();
    }

    @Test
    void aRebuildWithoutChangesKeepsTheFeedsAndTheSitemapWithoutMakingThem() {
        forgetLastBuild();

        BuildResult rebuild = build();

        // Every page whose view or inputs are unchanged is kept, and now every feed and sitemap part too; only
        // copies of static files, robots.txt and the two-day news sitemap are made every time.
        List<String> files = TestSites.files(output);
        long pages = files.stream().filter(path -> path.endsWith(".html") || path.endsWith(".htm")).count();
        long feeds = files.stream().filter(path -> path.matches("(.*/)?(rss|atom)\\.xml|(.*/)?feed\\.json")).count();
        assertThat(feeds).as("the site's feed and each bureau's, in three formats").isGreaterThan(6);
        long searchIndex = files.stream().filter(path -> path.matches("search/.*\\.json")).count();
        assertThat(searchIndex).as("the search index's manifest, term directory and the sample's one segment").isGreaterThan(3);
        assertThat(rebuild.stats().filesKept()).isEqualTo(pages + feeds + 1 + searchIndex); // 1: sitemap.xml
    }

    @Test
    void anEditToAStoryNoFeedListsRewritesItsPageAlone() {
        append("content/2025/12/10/01/01.md", "\n新增一段：普法阵地建设仍在推进。\n").accept(site);

        BuildResult rebuild = build();

        // And the search index's files that hold the story's words: only its segment's (the sample has one), and
        // the term directory's file when the paragraph brings a term the segment lacked.
        List<String> written = filesNewerThanLongAgo();
        assertThat(written).startsWith("2025/12/10/01/01.html");
        assertThat(written.subList(1, written.size()))
                .allMatch(path -> path.startsWith("search/2025-4/") || path.equals("search/terms/0.json"));
        assertThat(rebuild.stats().written()).isEqualTo(written.size());
    }

    @Test
    void editingTheArticleTemplateRewritesTheArticlePagesAndNothingElse() {
        append("themes/default/templates/article.ftlh", "<!-- edited -->\n").accept(site);

        BuildResult rebuild = build();

        List<String> rewritten = htmlFilesNewerThanLongAgo();
        assertThat(rewritten).hasSize(PUBLISHED_ARTICLES)
                .allMatch(path -> path.matches("2025/12/1[0-2]/0[1-4]/[^/]+\\.html"), "is an article page");
        assertThat(rebuild.stats().written()).isEqualTo(PUBLISHED_ARTICLES);
    }

    @Test
    void aPublishedFileDeletedByHandIsRenderedAgain() throws IOException {
        Path page = output.resolve("2025/12/11/01/index.html");
        String before = TestSites.read(page);
        Files.delete(page);

        build();

        assertThat(TestSites.read(page)).isEqualTo(before);
    }

    @Test
    void damagedBodiesAreNoticedAndTheSiteIsBuiltWithoutTheCache() throws IOException {
        Path bodies = site.resolve(".broadsheet/cache/bodies");
        byte[] bytes = Files.readAllBytes(bodies);
        for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(bodies, bytes);
        delete(output.resolve("2025/12/12/01/index.html")); // so that at least one stored body is read

        BuildResult rebuild = TestSites.build(BuildOptions.defaults(site).withOutput(output));

        assertThat(rebuild.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(TreeDiff.between(output, builtFromScratch())).isEmpty();
    }

    @Test
    void aBodyReadForAnEditedNeighbourThatFailsItsChecksumFallsBackToAColdBuild() throws IOException {
        Path bodies = site.resolve(".broadsheet/cache/bodies");
        byte[] bytes = Files.readAllBytes(bodies);
        java.util.Arrays.fill(bytes, (byte) 'x');
        Files.write(bodies, bytes);
        append("themes/default/templates/article.ftlh", "<!-- edited -->\n").accept(site); // reads every body

        BuildResult rebuild = build();

        assertThat(rebuild.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(rebuild.stats().cacheNote()).contains("damaged");
        assertThat(rebuild.stats().fromCache()).isZero();
        assertThat(TreeDiff.between(output, builtFromScratch())).isEmpty();
    }

    @Test
    void anUnreadableIndexIsIgnored() throws IOException {
        Files.writeString(site.resolve(".broadsheet/cache/articles"), "不是缓存");
        Files.writeString(outputCache().resolve("outputs"), "也不是");

        BuildResult rebuild = build();

        assertThat(rebuild.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(rebuild.stats().fromCache()).isZero();
        assertThat(rebuild.stats().filesKept()).isZero();
        assertThat(rebuild.stats().cacheNote()).contains("could not be read");
        assertThat(TreeDiff.between(output, builtFromScratch())).isEmpty();
    }

    @Test
    void withoutTheCacheEveryArticleIsReadAndEveryPageRendered() {
        BuildResult rebuild = TestSites.build(BuildOptions.defaults(site).withOutput(output).withCache(false));

        assertThat(rebuild.stats().fromCache()).isZero();
        assertThat(rebuild.stats().filesKept()).isZero();
        assertThat(rebuild.stats().written()).as("the same bytes: nothing to publish").isZero();
        forgetLastBuild();
        assertThat(build().stats().fromCache()).as("the cache is started afresh").isEqualTo(PUBLISHED_ARTICLES + 1);
    }

    /**
     * Removes the record of the last build, which would otherwise let a build without changes stop before
     * reading any article ({@code UpToDateBuildTest}): these tests are about what the full pipeline does.
     */
    private void forgetLastBuild() {
        delete(outputCache().resolve("last-build"));
    }

    private List<String> htmlFilesNewerThanLongAgo() {
        return filesNewerThanLongAgo().stream().filter(path -> path.endsWith(".html")).toList();
    }

    private List<String> filesNewerThanLongAgo() {
        return TestSites.files(output).stream().filter(path -> {
            try {
                return !Files.getLastModifiedTime(output.resolve(path)).equals(LONG_AGO);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setModified(Path file, long millis) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build cache's folder for {@code output} ({@code OutputSlots}). */
    private Path outputCache() {
        return OutputSlots.folderFor(site.resolve(".broadsheet/cache"), output);
    }
}
