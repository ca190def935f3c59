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
 * seconds, and the scan mostly waits on the file system. Closing it closes the article cache.
 */
final class CacheLoading implements AutoCloseable {
    private final CompletableFuture<ArticleCache> articles;
    private final CompletableFuture<OutputMemory> memory;

    private CacheLoading(CompletableFuture<ArticleCache> articles, CompletableFuture<OutputMemory> memory) {
        this.articles = articles;
        this.memory = memory;
    }

    static CacheLoading start(Path dir, Path output, String buildKey, boolean ignoreExisting) {
        return new CacheLoading(inBackground(() -> ArticleCache.open(dir, buildKey, ignoreExisting)),
                inBackground(() -> OutputMemory.open(dir, output, buildKey, ignoreExisting)));
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
        articles().close();
        memory.join();
    }
}
