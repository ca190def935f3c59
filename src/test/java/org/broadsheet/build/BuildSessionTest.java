package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.broadsheet.TestSites;
import org.broadsheet.problem.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One session, many builds: after any sequence of edits, a build through a session that stays open publishes
 * byte for byte what a one-shot build of the same files publishes. The edits are drawn at random (seeded,
 * so a failure can be replayed) from what webmasters do: a body, a title, an article moved to another day,
 * added, deleted or renamed, a page's settings, site.yml, a template, a theme asset.
 */
class BuildSessionTest {
    private static final int STEPS = 7;

    @TempDir
    Path temp;
    Path site;
    Path output;
    int scratchBuilds;
    int previews;

    /** One kind of edit, applied to the site with the step's random numbers. */
    private interface Edit {
        String apply(Path site, Random random) throws IOException;
    }

    private static final List<Edit> EDITS = List.of(
            (site, random) -> {
                Path article = anArticle(site, random);
                append(article, "\n补记一段：第" + random.nextInt(1000) + "号案件已执行完毕。\n");
                return "body of " + site.relativize(article);
            },
            (site, random) -> {
                Path article = anArticle(site, random);
                String text = Files.readString(article);
                Files.writeString(article, text.replaceFirst("(?m)^title: (.*)$", "title: $1（更新" + random.nextInt(99) + "）"));
                return "title of " + site.relativize(article);
            },
            (site, random) -> {
                Path article = anArticle(site, random);
                Path page = aPageFolder(site, random);
                Path moved = page.resolve("moved-" + random.nextInt(1000) + ".md");
                Files.move(article, moved);
                return "moved " + site.relativize(article) + " to " + site.relativize(moved);
            },
            (site, random) -> {
                Path added = aPageFolder(site, random).resolve("new-" + random.nextInt(1000) + ".md");
                Files.writeString(added, "---\ntitle: 新稿件" + random.nextInt(100) + "\ndateline: 包头讯\nauthors: [张三]\n"
                        + "---\n包头市某区人民法院开展“送法进社区”活动。\n");
                return "added " + site.relativize(added);
            },
            (site, random) -> {
                Path article = anArticle(site, random);
                Files.delete(article);
                return "deleted " + site.relativize(article);
            },
            (site, random) -> {
                Path article = anArticle(site, random);
                Path renamed = article.resolveSibling("改名-" + random.nextInt(1000) + ".md");
                Files.move(article, renamed);
                return "renamed " + site.relativize(article) + " to " + renamed.getFileName();
            },
            (site, random) -> {
                Path settings = aPageFolder(site, random).resolve("_page.yml");
                String text = Files.readString(settings);
                Files.writeString(settings, text.replaceFirst("(?m)^section: .*$", "section: 专版" + random.nextInt(9)));
                return "section in " + site.relativize(settings);
            },
            (site, random) -> {
                Path config = site.resolve("site.yml");
                Files.writeString(config, Files.readString(config).replaceFirst("(?m)^title: .*$",
                        "title: 北疆法治报" + random.nextInt(9)));
                return "site.yml title";
            },
            (site, random) -> {
                List<Path> templates = files(site.resolve("themes/default/templates"));
                Path template = templates.get(random.nextInt(templates.size()));
                append(template, "<#-- 修订 " + random.nextInt(1000) + " -->\n<!-- r" + random.nextInt(1000) + " -->\n");
                return "template " + template.getFileName();
            },
            (site, random) -> {
                Path css = site.resolve("themes/default/static/style.css");
                append(css, "\n/* 修订 " + random.nextInt(1000) + " */\n");
                return "style.css";
            });

    /** How a test's session is opened and told about changes, and what happens between its builds. */
    private enum Mode {
        /** As {@code WarmBuilds edit}: a plain session, told nothing. */
        PLAIN,
        /** As serve builds: resident, the only writer of its output, told exactly which files changed. */
        SERVE,
        /**
         * Resident but not its output's only writer, told nothing; between builds, at times, another process
         * builds the site into the same output, the article cache's index is lost, or a published page is
         * deleted by hand.
         */
        SHARED
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20251210L, 20251211L, 20251212L})
    void randomEditsThroughOneSessionPublishWhatAOneShotBuildPublishes(long seed) throws IOException {
        editAndCompare(seed, Mode.PLAIN);
    }

    /**
     * As serve builds: told exactly which files changed, so only those are looked at again, and keeping the
     * article cache and render memory in memory between builds. Other builds into its output and a lost cache
     * index in between are noticed too.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20251213L, 20251214L, 20251215L})
    void randomEditsReportedToAResidentSessionPublishWhatAOneShotBuildPublishes(long seed) throws IOException {
        editAndCompare(seed, Mode.SERVE);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20251216L, 20251217L})
    void aResidentSessionNoticesWhatOthersDidToItsCacheAndOutput(long seed) throws IOException {
        editAndCompare(seed, Mode.SHARED);
    }

    private void editAndCompare(long seed, Mode mode) throws IOException {
        site = TestSites.copySample(temp);
        output = temp.resolve("public");
        Random random = new Random(seed);
        List<String> done = new ArrayList<>();
        // Files changed in the last two seconds are not cached: dated an hour back, every story is, and each
        // edit below dates its files a step later, so that the session's kept cache has entries to get wrong.
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        TestSites.setModified(site, FileTime.fromMillis(hourAgo));
        BuildOptions options = BuildOptions.defaults(site).withOutput(output).withThreads(2);
        try (BuildSession session = mode == Mode.PLAIN ? BuildSession.open(site, 2)
                : BuildSession.openResident(options, mode == Mode.SERVE)) {
            assertPublished(session.build(options), done);
            for (int step = 0; step < STEPS; step++) {
                Map<Path, String> before = stamps(site);
                done.add(EDITS.get(random.nextInt(EDITS.size())).apply(site, random));
                List<Path> changed = changed(before, stamps(site));
                for (Path path : changed) {
                    if (Files.exists(site.resolve(path))) {
                        Files.setLastModifiedTime(site.resolve(path), FileTime.fromMillis(hourAgo + (step + 1) * 10_000L));
                    }
                }
                if (mode != Mode.PLAIN && random.nextInt(3) == 0) {
                    done.add(interfere(random, mode));
                }
                InputChanges changes = mode == Mode.SERVE ? InputChanges.of(changed) : InputChanges.UNKNOWN;
                Optional<PreviewPages> preview = mode == Mode.SERVE ? session.preview(options, changes)
                        : Optional.empty();
                previews += preview.isPresent() ? 1 : 0;

                assertPublished(session.build(options, changes), done);

                assertThat(TreeDiff.between(output, builtFromScratch()))
                        .as("files that differ from a one-shot build after " + done).isEmpty();
                if (preview.isPresent()) {
                    assertPreviewShowsWhatWasPublished(preview.get(), done);
                }
            }
        }
        if (mode == Mode.SERVE) {
            assertThat(previews).as("previews made for " + done).isPositive();
        }
    }

    /** Every page a preview showed is the page the build after it published, and what it removed is gone. */
    private void assertPreviewShowsWhatWasPublished(PreviewPages preview, List<String> done) throws IOException {
        assertThat(preview.written()).as("the preview of " + done.get(done.size() - 1)).isNotEmpty();
        for (Map.Entry<String, byte[]> page : preview.written().entrySet()) {
            Path published = output.resolve(page.getKey());
            assertThat(published).as("previewed after " + done).exists();
            assertThat(new String(page.getValue(), StandardCharsets.UTF_8)).as("preview of " + page.getKey()
                    + " after " + done).isEqualTo(Files.readString(published));
        }
        for (String removed : preview.removed()) {
            assertThat(output.resolve(removed)).as("removed by the preview after " + done).doesNotExist();
        }
    }

    @Test
    void aBuildToldThatItIsSupersededPublishesNothingAndTheNextPublishesEverything() throws IOException {
        site = TestSites.copySample(temp);
        output = temp.resolve("public");
        BuildOptions options = BuildOptions.defaults(site).withOutput(output).withThreads(2);
        try (BuildSession session = BuildSession.openResident(options, true)) {
            assertPublished(session.build(options), List.of());
            Map<String, String> before = TestSites.hashes(output);
            Path article = anArticle(site, new Random(3));
            append(article, "\n补记：此案已审结。\n");
            InputChanges changes = InputChanges.of(List.of(site.relativize(article)));

            BuildResult stopped = session.build(options, changes, Progress.NONE, () -> true);

            assertThat(stopped.outcome()).isEqualTo(BuildResult.Outcome.SUPERSEDED);
            assertThat(TestSites.hashes(output)).as("the output after a superseded build").isEqualTo(before);
            assertPublished(session.build(options, InputChanges.of(List.of())), List.of("edit after a superseded build"));
            assertThat(TreeDiff.between(output, builtFromScratch())).isEmpty();
        }
    }

    /** Something done to the cache or the output between two builds of a resident session, by others. */
    private String interfere(Random random, Mode mode) throws IOException {
        int kind = random.nextInt(mode == Mode.SHARED ? 4 : 3);
        if (kind <= 1) {
            // With --no-cache the other build starts the bodies file afresh, at the offsets the session knew.
            try (BuildSession other = BuildSession.open(site, 1)) {
                assertPublished(other.build(BuildOptions.defaults(site).withOutput(output).withCache(kind == 0)),
                        List.of("other build"));
            }
            return kind == 0 ? "(another build into the same output)" : "(another build with --no-cache)";
        } else if (kind == 2) {
            Files.deleteIfExists(site.resolve(".broadsheet/cache/articles"));
            return "(the article cache's index lost)";
        }
        List<Path> pages = files(output).stream().filter(path -> path.toString().endsWith(".html")).toList();
        Path page = pages.get(random.nextInt(pages.size()));
        Files.delete(page);
        return "(published " + output.relativize(page) + " deleted by hand)";
    }

    /** Every file of the site with its size and content digest: what a watcher would see change. */
    private static Map<Path, String> stamps(Path site) throws IOException {
        Map<Path, String> stamps = new java.util.HashMap<>();
        for (Path file : files(site)) {
            if (!file.startsWith(site.resolve(".broadsheet"))) {
                stamps.put(site.relativize(file), Files.size(file) + ":" + Arrays.hashCode(Files.readAllBytes(file)));
            }
        }
        return stamps;
    }

    private static List<Path> changed(Map<Path, String> before, Map<Path, String> after) {
        java.util.Set<Path> changed = new java.util.TreeSet<>();
        before.forEach((path, stamp) -> {
            if (!stamp.equals(after.get(path))) {
                changed.add(path);
            }
        });
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(changed::add);
        return List.copyOf(changed);
    }

    @Test
    void aSessionBuildsOnlyItsOwnSite() {
        Path first = TestSites.copySample(temp.resolve("a"));
        Path other = TestSites.copySample(temp.resolve("b"));
        try (BuildSession session = BuildSession.open(first, 1)) {
            assertThatThrownBy(() -> session.build(BuildOptions.defaults(other)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("this session builds");
        }
    }

    private static void assertPublished(BuildResult result, List<String> done) {
        assertThat(result.outcome()).as(done + ": " + result.problems()).isEqualTo(BuildResult.Outcome.PUBLISHED);
    }

    /** The same files built once, in a copy of the site that has never been built. */
    private Path builtFromScratch() {
        return TestSites.builtFromScratch(site, temp.resolve("scratch-" + ++scratchBuilds));
    }

    private static Path anArticle(Path site, Random random) throws IOException {
        List<Path> articles = files(site.resolve("content/2025")).stream()
                .filter(path -> path.toString().endsWith(".md"))
                .filter(path -> !TestSites.read(path).contains("continues:")) // its jump target must stay put
                .toList();
        return articles.get(random.nextInt(articles.size()));
    }

    private static Path aPageFolder(Path site, Random random) throws IOException {
        List<Path> pages = files(site.resolve("content/2025")).stream()
                .filter(path -> path.getFileName().toString().equals("_page.yml")).map(Path::getParent).toList();
        return pages.get(random.nextInt(pages.size()));
    }

    /** Every regular file under {@code dir}, sorted, so that a seed always picks the same one. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, Files.readString(file) + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
