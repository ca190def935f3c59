package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.broadsheet.content.ContentListing;
import org.broadsheet.content.IssueSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build's view of the cache: every store opened for it, and forgotten together. */
class BuildCacheTest {
    private static final String KEY = "code test; markdown commonmark strip";
    private static final long NOW = 1_800_000_000_000_000_000L;
    private static final String PAGE = "2025/12/12/01/index.html";
    private static final ContentListing.Listed ISSUE_FILE = new ContentListing.Listed(
            Path.of("content/2025/12/12/_issue.yml"), "content/2025/12/12/_issue.yml", 30, NOW - 3_600_000_000_000L);
    private static final IssueSource ISSUE = new IssueSource(LocalDate.of(2025, 12, 12), OptionalInt.of(7001), "特刊",
            "");
    private static final LastBuild.Summary SUMMARY = new LastBuild.Summary("3f9a", 1, 1, 1, 1, 1, List.of());

    @TempDir
    Path temp;
    Path dir;
    Path output;

    @BeforeEach
    void aPublishedPage() throws IOException {
        dir = temp.resolve("site/.broadsheet/cache");
        output = temp.resolve("public");
        Files.createDirectories(output.resolve("2025/12/12/01"));
        Files.writeString(output.resolve(PAGE), "<h1>第01版</h1>");
    }

    /** A build into {@code output} that remembers something in every store, and records itself. */
    private void aBuildSavesEveryStore() throws IOException {
        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            SettingsCache settings = cache.settings(NOW);
            settings.remember(ISSUE_FILE, ISSUE);
            settings.save();
            ArticleCache articles = cache.articles();
            articles.remember(ArticleCacheTest.FIRST, ArticleCacheTest.source(ArticleCacheTest.FIRST, "法治进社区"),
                    articles.store("<p>正文</p>"), List.of(), NOW);
            articles.save();
            OutputMemory memory = cache.memory();
            memory.remember(PAGE, "f1", Files.size(output.resolve(PAGE)));
            memory.save();
            cache.recordLastBuild(SUMMARY);
        }
    }

    @Test
    void aFirstBuildFindsNothing() throws IOException {
        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            assertThat(cache.lastBuild()).isEmpty();
            assertThat(cache.settings(NOW).issue(ISSUE_FILE)).isEmpty();
            assertThat(cache.articles().coldReason()).isEqualTo("no cache yet");
            assertThat(cache.memory().intact()).isFalse();
        }
    }

    @Test
    void whatABuildSavesTheNextBuildFinds() throws IOException {
        aBuildSavesEveryStore();

        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            assertThat(cache.lastBuild()).contains(SUMMARY);
            assertThat(cache.settings(NOW).issue(ISSUE_FILE)).contains(ISSUE);
            ArticleCache articles = cache.articles();
            assertThat(articles.bodies().html(articles.lookup(ArticleCacheTest.FIRST).orElseThrow().body()))
                    .isEqualTo("<p>正文</p>");
            assertThat(cache.memory().intact()).isTrue();
            assertThat(cache.memory().isCurrent(PAGE, "f1")).isTrue();
        }
    }

    @Test
    void aBuildThatIgnoresTheCacheFindsNothing() throws IOException {
        aBuildSavesEveryStore();

        try (BuildCache cache = BuildCache.open(dir, output, KEY, true)) {
            assertThat(cache.lastBuild()).isEmpty();
            assertThat(cache.settings(NOW).issue(ISSUE_FILE)).isEmpty();
            assertThat(cache.articles().coldReason()).isEqualTo("--no-cache");
            assertThat(cache.memory().isCurrent(PAGE, "f1")).isFalse();
        }
    }

    @Test
    void anotherBuildKeyFindsNothing() throws IOException {
        aBuildSavesEveryStore();

        try (BuildCache cache = BuildCache.open(dir, output, KEY + " v2", false)) {
            assertThat(cache.lastBuild()).isEmpty();
            assertThat(cache.settings(NOW).issue(ISSUE_FILE)).isEmpty();
            assertThat(cache.articles().lookup(ArticleCacheTest.FIRST)).isEmpty();
            assertThat(cache.memory().isCurrent(PAGE, "f1")).isFalse();
        }
    }

    @Test
    void anotherOutputFolderSharesTheArticlesButNotWhatWasPublished() throws IOException {
        aBuildSavesEveryStore();

        try (BuildCache cache = BuildCache.open(dir, temp.resolve("preview"), KEY, false)) {
            assertThat(cache.lastBuild()).isEmpty();
            assertThat(cache.memory().isCurrent(PAGE, "f1")).isFalse();
            assertThat(cache.settings(NOW).issue(ISSUE_FILE)).contains(ISSUE);
            assertThat(cache.articles().lookup(ArticleCacheTest.FIRST)).isPresent();
        }
    }

    @Test
    void theRecordOfTheLastBuildIsForgottenBeforeTheOutputChanges() throws IOException {
        aBuildSavesEveryStore();
        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            cache.forgetLastBuild();
        }

        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            assertThat(cache.lastBuild()).isEmpty();
            assertThat(cache.memory().isCurrent(PAGE, "f1")).as("the rest is kept").isTrue();
        }
    }

    @Test
    void forgetRemovesEveryStore() throws IOException {
        aBuildSavesEveryStore();

        BuildCache.forget(dir, output);

        Path outputDir = OutputSlots.folderFor(dir, output);
        assertThat(List.of(dir.resolve("articles"), dir.resolve("bodies"), dir.resolve("settings"),
                outputDir.resolve("outputs"), outputDir.resolve("last-build"))).allSatisfy(file ->
                assertThat(file).doesNotExist());
        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            assertThat(cache.lastBuild()).isEmpty();
            assertThat(cache.settings(NOW).issue(ISSUE_FILE)).isEmpty();
            assertThat(cache.articles().coldReason()).isEqualTo("no cache yet");
            assertThat(cache.memory().isCurrent(PAGE, "f1")).isFalse();
        }
    }

    @Test
    void aBuildThatNeverAsksForArticlesDoesNotOpenTheirCache() throws IOException {
        aBuildSavesEveryStore();
        byte[] index = Files.readAllBytes(dir.resolve("articles"));
        byte[] bodies = Files.readAllBytes(dir.resolve("bodies"));

        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            assertThat(cache.lastBuild()).isPresent(); // an up-to-date build stops here
        }

        assertThat(dir.resolve("articles")).hasBinaryContent(index);
        assertThat(dir.resolve("bodies")).hasBinaryContent(bodies);
        BuildCache.forget(dir, output);
        try (BuildCache cache = BuildCache.open(dir, output, KEY, false)) {
            cache.memory();
        }
        assertThat(dir.resolve("bodies")).as("opening the article cache would create it").doesNotExist();
    }
}
