package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.content.ArticleFile;
import org.broadsheet.content.ArticleSource;
import org.broadsheet.content.FrontMatter;
import org.broadsheet.markdown.LocalTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The article cache gives back an unchanged file's front matter and rendered body, and starts cold, saying why,
 * whenever what is on disk cannot be trusted.
 */
class ArticleCacheTest {
    private static final String KEY = "code test; markdown commonmark strip";
    private static final long NOW = 1_800_000_000_000_000_000L;
    private static final long LONG_AGO = NOW - 3_600_000_000_000L;
    private static final String BODY = "<p>本报包头12月12日电 记者𠀋 报道：「法治」进社区。</p>\n";
    private static final List<LocalTarget> TARGETS = List.of(new LocalTarget(LocalTarget.Kind.IMAGE, "现场.jpg", 7),
            new LocalTarget(LocalTarget.Kind.LINK, "../02/01.md", 9));

    @TempDir
    Path dir;

    private static ArticleFile file(String name, long size, long modified) {
        return new ArticleFile(Path.of("content/2025/12/12/01/" + name), LocalDate.of(2025, 12, 12), 1, 1, size,
                modified);
    }

    static final ArticleFile FIRST = file("01.md", 640, LONG_AGO);
    private static final ArticleFile SECOND = file("02.md", 320, LONG_AGO);

    private static FrontMatter front(String title) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("栏目", "法治");
        extra.put("photos", List.of("a.jpg", Map.of("caption", "现场")));
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        keyLines.put("title", 2);
        keyLines.put("dateline", 3);
        keyLines.put("extra", 5);
        keyLines.put("自定义", 9); // not one of front matter's own keys
        return new FrontMatter(title, "引题", "副题", "本报包头12月12日电", "包头", List.of("钱虹", "孙立"), "新华社",
                List.of("法治"), Optional.of("fa-zhi"), OptionalInt.of(2), false, false,
                Optional.of(LocalDate.of(2025, 12, 11)), OptionalInt.of(1), OptionalInt.empty(), List.of(0.1, 0.25),
                List.of("old/path.html"), extra, keyLines);
    }

    /** What reading {@code file} gave, its Markdown dropped once rendered. */
    static ArticleSource source(ArticleFile file, String title) {
        return new ArticleSource(file.file(), file.date(), file.page(), file.position(), "fa-zhi", front(title), "",
                4);
    }

    /** A build that renders {@code files} and remembers each, then saves. */
    private void aBuildRemembers(ArticleFile... files) throws IOException {
        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            for (ArticleFile file : files) {
                cache.remember(file, source(file, "标题 " + file.file().getFileName()), cache.store(BODY), TARGETS,
                        NOW);
            }
            cache.save();
        }
    }

    @Test
    void aFirstBuildOrNoCacheIsColdAndSaysWhy() throws IOException {
        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.coldReason()).isEqualTo("no cache yet");
            assertThat(cache.lookup(FIRST)).isEmpty();
        }
        aBuildRemembers(FIRST);
        try (ArticleCache cache = ArticleCache.open(dir, KEY, true)) {
            assertThat(cache.coldReason()).isEqualTo("--no-cache");
            assertThat(cache.lookup(FIRST)).isEmpty();
        }
    }

    @Test
    void anUnchangedFileComesBackWithItsFrontMatterBodyAndTargets() throws IOException {
        String token;
        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            BodyStore.StoredBody body = cache.store(BODY);
            token = body.token();
            cache.remember(FIRST, source(FIRST, "法治进社区"), body, TARGETS, NOW);
            cache.save();
        }

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            ArticleCache.Hit hit = cache.lookup(FIRST).orElseThrow();

            assertThat(cache.coldReason()).isEmpty();
            assertThat(hit.source()).isEqualTo(source(FIRST, "法治进社区"));
            assertThat(hit.source().front().keyLines()).containsEntry("自定义", 9);
            assertThat(cache.bodies().html(hit.body())).isEqualTo(BODY);
            assertThat(hit.body().token()).as("fingerprints name the body by its token").isEqualTo(token);
            assertThat(hit.targets()).isEqualTo(TARGETS);
            assertThat(cache.hits()).isEqualTo(1);
        }
    }

    @Test
    void aFileWithAnotherSizeOrTimeIsReadAgainAndOneThatMovedTakesItsNewPlace() throws IOException {
        aBuildRemembers(FIRST);

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.lookup(file("01.md", 641, LONG_AGO))).as("another size").isEmpty();
            assertThat(cache.lookup(file("01.md", 640, LONG_AGO + 1))).as("another time").isEmpty();
            assertThat(cache.lookup(SECOND)).as("never remembered").isEmpty();
            ArticleFile moved = new ArticleFile(FIRST.file(), FIRST.date(), FIRST.page(), 3, 640, LONG_AGO);
            assertThat(cache.lookup(moved).orElseThrow().source().position()).isEqualTo(3);
            assertThat(cache.hits()).isEqualTo(1);
        }
    }

    @Test
    void aFileChangedJustBeforeTheBuildIsNotRemembered() throws IOException {
        ArticleFile recent = file("01.md", 640, NOW - 1_000_000_000L);
        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            cache.remember(recent, source(recent, "刚改过"), cache.store(BODY), List.of(), NOW);
            cache.save();
        }

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.lookup(recent)).isEmpty();
        }
    }

    @Test
    void whatABuildNoLongerUsesIsForgotten() throws IOException {
        aBuildRemembers(FIRST, SECOND);
        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.lookup(FIRST)).isPresent(); // 02.md is gone from this build's listing
            cache.save();
        }

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.lookup(FIRST)).isPresent();
            assertThat(cache.lookup(SECOND)).isEmpty();
        }
    }

    @Test
    void aBuildThatUsedEverythingAsItWasLeavesTheIndexAlone() throws IOException {
        aBuildRemembers(FIRST, SECOND);
        FileTime longAgo = FileTime.fromMillis(0);
        Files.setLastModifiedTime(dir.resolve("articles"), longAgo);

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            cache.lookup(FIRST);
            cache.lookup(SECOND);
            cache.save();
        }

        assertThat(Files.getLastModifiedTime(dir.resolve("articles"))).isEqualTo(longAgo);
    }

    @Test
    void bodiesOfABuildKilledBeforeSavingAreOverwrittenAndEarlierOnesStayReadable() throws IOException {
        aBuildRemembers(FIRST);
        try (ArticleCache killed = ArticleCache.open(dir, KEY, false)) {
            killed.store("<p>没有保存的正文，比原来的长得多得多得多</p>"); // appended, never indexed
        }

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            BodyStore.StoredBody fresh = cache.store("<p>新</p>");
            assertThat(cache.bodies().html(cache.lookup(FIRST).orElseThrow().body())).isEqualTo(BODY);
            assertThat(cache.bodies().html(fresh)).isEqualTo("<p>新</p>");
            assertThat(fresh.offset()).isEqualTo(BodyStore.encode(BODY).length);
        }
    }

    @Test
    void anotherBuildKeyStartsCold() throws IOException {
        aBuildRemembers(FIRST);

        try (ArticleCache cache = ArticleCache.open(dir, KEY + " v2", false)) {
            assertThat(cache.coldReason()).contains("another version");
            assertThat(cache.lookup(FIRST)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Foreign.class)
    void anIndexOfAnotherFormatOrStoreStartsCold(CacheFiles.Foreign foreign) throws IOException {
        aBuildRemembers(FIRST);
        foreign.applyTo(dir.resolve("articles"));

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.coldReason()).contains("another version");
            assertThat(cache.lookup(FIRST)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Damage.class)
    void aDamagedIndexStartsColdAndTheNextSaveIsGoodAgain(CacheFiles.Damage damage) throws IOException {
        aBuildRemembers(FIRST);
        damage.applyTo(dir.resolve("articles"));

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.coldReason()).startsWith("the cache could not be read");
            assertThat(cache.lookup(FIRST)).isEmpty();
            cache.remember(FIRST, source(FIRST, "重读"), cache.store(BODY), TARGETS, NOW);
            cache.save();
        }

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.lookup(FIRST).orElseThrow().source().front().title()).isEqualTo("重读");
        }
    }

    @Test
    void aBodiesFileShorterThanTheIndexSaysOrMissingStartsCold() throws IOException {
        aBuildRemembers(FIRST);
        Files.write(dir.resolve("bodies"), new byte[3]);

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.coldReason()).startsWith("the cache could not be read");
            assertThat(cache.lookup(FIRST)).isEmpty();
        }

        aBuildRemembers(FIRST);
        Files.delete(dir.resolve("bodies"));
        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.coldReason()).startsWith("the cache could not be read");
            assertThat(cache.lookup(FIRST)).isEmpty();
        }
    }

    @Test
    void aDamagedBodyIsReportedAsACorruptCacheWhenRead() throws IOException {
        aBuildRemembers(FIRST);
        byte[] bodies = Files.readAllBytes(dir.resolve("bodies"));
        bodies[bodies.length / 2] ^= 0x5a;
        Files.write(dir.resolve("bodies"), bodies);

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            BodyStore.StoredBody body = cache.lookup(FIRST).orElseThrow().body();

            assertThatThrownBy(() -> cache.bodies().html(body)).isInstanceOf(CacheCorrupted.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void aBodiesFileCutShortDuringTheBuildIsReportedAsACorruptCacheWhenRead() throws IOException {
        aBuildRemembers(FIRST);

        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            BodyStore.StoredBody body = cache.lookup(FIRST).orElseThrow().body();
            try (FileChannel bodies = FileChannel.open(dir.resolve("bodies"), StandardOpenOption.WRITE)) {
                bodies.truncate(body.length() / 2);
            }

            assertThatThrownBy(() -> cache.bodies().html(body)).isInstanceOf(CacheCorrupted.class)
                    .hasMessageContaining("ends before");
        }
    }

    @Test
    void deleteForgetsTheIndexAndTheBodies() throws IOException {
        aBuildRemembers(FIRST);

        ArticleCache.delete(dir);

        assertThat(dir.resolve("articles")).doesNotExist();
        assertThat(dir.resolve("bodies")).doesNotExist();
        try (ArticleCache cache = ArticleCache.open(dir, KEY, false)) {
            assertThat(cache.coldReason()).isEqualTo("no cache yet");
        }
    }
}
