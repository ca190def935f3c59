package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.broadsheet.cache.ArticleCache;
import org.broadsheet.cache.OutputMemory;

/**
 * The build cache, read in the background while {@code content/} is scanned: for a large archive both take
 * seconds, and the scan mostly waits on the file system. The article cache is only read once asked for
 * ({@link #startArticles}), because a build with nothing to do never needs it. Closing this closes the
 * article cache.
 */
final class CacheLoading implements AutoCloseable {
    private final Path dir;
    private final String buildKey;
    private final boolean ignoreExisting;
    private CompletableFuture<ArticleCache> articles;
    private final CompletableFuture<OutputMemory> memory;

    private CacheLoading(Path dir, String buildKey, boolean ignoreExisting, CompletableFuture<OutputMemory> memory) {
        this.dir = dir;
        this.buildKey = buildKey;
        this.ignoreExisting = ignoreExisting;
        this.memory = memory;
    }

    /**
     * Starts reading the render memory.
     *
     * @param dir         the site's build cache
     * @param outputCache the part of it that belongs to {@code output} ({@code OutputSlots})
     */
    static CacheLoading start(Path dir, Path outputCache, Path output, String buildKey, boolean ignoreExisting) {
        return new CacheLoading(dir, buildKey, ignoreExisting,
                inBackground(() -> OutputMemory.open(outputCache, output, buildKey, ignoreExisting)));
    }

    /** Starts reading the article cache, unless it is already being read. */
    void startArticles() {
        if (articles == null) {
            articles = inBackground(() -> ArticleCache.open(dir, buildKey, ignoreExisting));
        }
    }

    /** Something that reads a file. */
    @FunctionalInterface
    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> CompletableFuture<T> inBackground(Reading<T> reading) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(reading.read());
            } catch (IOException | RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "broadsheet-cache");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    ArticleCache articles() throws IOException {
        startArticles();
        return await(articles);
    }

    OutputMemory memory() throws IOException {
        return await(memory);
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the build cache", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            } else if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            } else if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading the build cache failed", e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        if (articles != null) {
            articles().close();
        }
        memory.join();
    }
}
