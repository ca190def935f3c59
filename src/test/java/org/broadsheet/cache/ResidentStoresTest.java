package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session that stays up starts each build from the stores its last build left, and only while their files
 * on disk are the very ones that build left: anything written there in between is read from disk again.
 */
class ResidentStoresTest {
    private static final String KEY = "code test; markdown commonmark strip";
    private static final String PAGE = "2025/12/12/01/index.html";
    private static final long NOW = 1_800_000_000_000_000_000L; // well after the article's file time

    @TempDir
    Path temp;
    Path cache;
    Path output;

    @BeforeEach
    void aPublishedPage() throws IOException {
        cache = temp.resolve("site/.broadsheet/cache");
        output = temp.resolve("public");
        Files.createDirectories(output.resolve("2025/12/12/01"));
        Files.writeString(output.resolve(PAGE), "<h1>第01版</h1>");
    }

    /** One build of a resident session: remembers the article FIRST and the page, saves, hands its stores on. */
    private ResidentStores aBuild(ResidentStores kept, boolean soleWriter) throws IOException {
        try (BuildCache caches = BuildCache.open(cache, output, KEY, false, kept)) {
            caches.startArticles();
            ArticleCache articles = caches.articles();
            if (articles.lookup(ArticleCacheTest.FIRST).isEmpty()) {
                articles.remember(ArticleCacheTest.FIRST, ArticleCacheTest.source(ArticleCacheTest.FIRST, "标题"),
                        articles.store("<p>正文</p>\n"), java.util.List.of(), NOW);
            }
            articles.save();
            OutputMemory memory = caches.memory();
            if (!memory.isCurrent(PAGE, "f1")) {
                memory.remember(PAGE, "f1", Files.size(output.resolve(PAGE)));
            }
            memory.save();
            return caches.keep(soleWriter);
        }
    }

    private static void damageInPlace(Path file) throws IOException {
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0x7f, 0x7f, 0x7f, 0x7f}), channel.size() - 4);
        }
        Files.setLastModifiedTime(file, time);
    }

    private ArticleCache articlesOf(BuildCache caches) throws IOException {
        caches.startArticles();
        return caches.articles();
    }

    @Test
    void theNextBuildStartsFromWhatTheLastLeftWithoutReadingItAgain() throws IOException {
        ResidentStores kept = aBuild(ResidentStores.NONE, true);
        // Damaged in place, the same inode, size and time: read from disk, neither store would be trusted.
        damageInPlace(ArticleCache.indexFile(cache));
        damageInPlace(OutputMemory.file(OutputSlots.folderFor(cache, output)));

        try (BuildCache caches = BuildCache.open(cache, output, KEY, false, kept)) {
            assertThat(articlesOf(caches).lookup(ArticleCacheTest.FIRST)).isPresent();
            assertThat(caches.memory().isCurrent(PAGE, "f1")).isTrue();
            assertThat(caches.memory().intact()).isTrue();
            caches.keep(true).close();
        }
    }

    @Test
    void aStoreWrittenByAnotherBuildInBetweenIsReadFromDisk() throws IOException {
        ResidentStores kept = aBuild(ResidentStores.NONE, true);
        // Another process's build: it forgets the article and renders the page from another fingerprint.
        try (ArticleCache other = ArticleCache.open(cache, KEY, true)) {
            other.save();
        }
        OutputMemory otherMemory = OutputMemory.open(OutputSlots.folderFor(cache, output), output, KEY, true);
        otherMemory.remember(PAGE, "f2", Files.size(output.resolve(PAGE)));
        otherMemory.save();

        try (BuildCache caches = BuildCache.open(cache, output, KEY, false, kept)) {
            assertThat(articlesOf(caches).lookup(ArticleCacheTest.FIRST)).as("the article the other build dropped")
                    .isEmpty();
            assertThat(caches.memory().isCurrent(PAGE, "f1")).isFalse();
            assertThat(caches.memory().isCurrent(PAGE, "f2")).isTrue();
        }
    }

    @Test
    void aPublishedFileDeletedInBetweenIsNoticedUnlessTheSessionIsTheOnlyWriter() throws IOException {
        ResidentStores shared = aBuild(ResidentStores.NONE, false);
        Files.delete(output.resolve(PAGE));
        try (BuildCache caches = BuildCache.open(cache, output, KEY, false, shared)) {
            assertThat(caches.memory().isCurrent(PAGE, "f1")).isFalse();
            assertThat(caches.memory().intact()).isFalse();
        }

        Files.writeString(output.resolve(PAGE), "<h1>第01版</h1>");
        ResidentStores sole = aBuild(ResidentStores.NONE, true);
        Files.delete(output.resolve(PAGE));
        try (BuildCache caches = BuildCache.open(cache, output, KEY, false, sole)) {
            assertThat(caches.memory().isCurrent(PAGE, "f1")).as("taken as the session left it").isTrue();
        }
    }

    @Test
    void anotherBuildKeyOrOutputFolderStartsFromDisk() throws IOException {
        ResidentStores kept = aBuild(ResidentStores.NONE, true);
        try (BuildCache caches = BuildCache.open(cache, output, KEY + " v2", false, kept)) {
            assertThat(articlesOf(caches).lookup(ArticleCacheTest.FIRST)).isEmpty();
            assertThat(caches.memory().isCurrent(PAGE, "f1")).isFalse();
        }
        ResidentStores again = aBuild(ResidentStores.NONE, true);
        try (BuildCache caches = BuildCache.open(cache, temp.resolve("dist"), KEY, false, again)) {
            assertThat(caches.memory().isCurrent(PAGE, "f1")).isFalse();
        }
    }

    @Test
    void aBuildThatDoesNotHandItsStoresOnClosesWhatItWasGiven() throws IOException {
        ResidentStores kept = aBuild(ResidentStores.NONE, true);
        try (BuildCache caches = BuildCache.open(cache, output, KEY, false, kept)) {
            articlesOf(caches);
        }
        // The bodies file is closed: a body of the kept cache can no longer be read.
        try (BuildCache caches = BuildCache.open(cache, output, KEY, false, ResidentStores.NONE)) {
            ArticleCache reopened = articlesOf(caches);
            assertThat(reopened.lookup(ArticleCacheTest.FIRST)).isPresent();
        }
        ArticleCache resumed = kept.articles().cache().resume().orElseThrow();
        assertThat(resumed.lookup(ArticleCacheTest.FIRST).orElseThrow().body()).satisfies(body -> org.assertj.core.api
                .Assertions.assertThatThrownBy(() -> resumed.bodies().html(body))
                .hasRootCauseInstanceOf(java.nio.channels.ClosedChannelException.class));
    }
}
