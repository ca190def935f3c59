package org.broadsheet.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The build cache as one build sees it, in {@code SITE/.broadsheet/cache/}: the stores the build reads and
 * writes, opened for its build key and output folder, and forgotten together when the cache turns out to be
 * damaged. Opened once per build, used through the build's stages, closed at its end (which closes the
 * article cache's bodies file); each store is saved by the stage that finished with it (see each store).
 *
 * <ul>
 *   <li>{@link SettingsCache}, {@link ArticleCache}: shared by every output folder.
 *   <li>{@link OutputMemory}, {@link LastBuild}: in the folder of the output being built ({@link OutputSlots}).
 * </ul>
 *
 * <p>The render memory and the article cache are read in the background while {@code content/} is listed and
 * scanned: for a large archive both take seconds, and the scan mostly waits on the file system. The article
 * cache is only read once asked for ({@link #startArticles}), because a build with nothing to do never needs it.
 */
public final class BuildCache implements AutoCloseable {
    private final Path dir;
    private final Path outputDir;
    private final String buildKey;
    private final boolean ignoreExisting;
    private final Optional<LastBuild.Summary> lastBuild;
    private final CompletableFuture<OutputMemory> memory;
    private CompletableFuture<ArticleCache> articles;

    private BuildCache(Path dir, Path outputDir, String buildKey, boolean ignoreExisting,
            Optional<LastBuild.Summary> lastBuild, CompletableFuture<OutputMemory> memory) {
        this.dir = dir;
        this.outputDir = outputDir;
        this.buildKey = buildKey;
        this.ignoreExisting = ignoreExisting;
        this.lastBuild = lastBuild;
        this.memory = memory;
    }

    /**
     * Opens the cache in {@code dir} for a build with {@code buildKey} into {@code output}: reads the record of
     * the last build into that folder and starts reading its render memory.
     *
     * @param ignoreExisting whether to start afresh ({@code --no-cache}): nothing is read, and what this build
     *                       saves replaces what was there
     */
    public static BuildCache open(Path dir, Path output, String buildKey, boolean ignoreExisting) throws IOException {
        Path outputDir = OutputSlots.open(dir, output);
        Optional<LastBuild.Summary> last = ignoreExisting ? Optional.empty() : LastBuild.read(outputDir, buildKey);
        return new BuildCache(dir, outputDir, buildKey, ignoreExisting, last,
                inBackground(() -> OutputMemory.open(outputDir, output, buildKey, ignoreExisting)));
    }

    /**
     * Forgets everything the cache in {@code dir} keeps for builds into {@code output}, on disk: used when the
     * cache contradicts itself ({@link CacheCorrupted}). Call it once the build that found out is closed.
     */
    public static void forget(Path dir, Path output) throws IOException {
        Path outputDir = OutputSlots.folderFor(dir, output);
        ArticleCache.delete(dir);
        OutputMemory.delete(outputDir);
        LastBuild.delete(outputDir);
        SettingsCache.delete(dir);
    }

    /** The last build into this output folder; empty when there is none to trust, or the build ignores the cache. */
    public Optional<LastBuild.Summary> lastBuild() {
        return lastBuild;
    }

    /** Removes the record of the last build, before anything in the output may change. */
    public void forgetLastBuild() throws IOException {
        LastBuild.delete(outputDir);
    }

    /** Records this build, once it has published everything. */
    public void recordLastBuild(LastBuild.Summary summary) throws IOException {
        LastBuild.write(outputDir, buildKey, summary);
    }

    /** Starts reading the article cache, unless it is already being read. */
    public void startArticles() {
        if (articles == null) {
            articles = inBackground(() -> ArticleCache.open(dir, buildKey, ignoreExisting));
        }
    }

    /** The article cache, once read (reading starts now if it has not). */
    public ArticleCache articles() throws IOException {
        startArticles();
        return await(articles);
    }

    /** The render memory of this output folder, once read. */
    public OutputMemory memory() throws IOException {
        return await(memory);
    }

    /**
     * The page and issue settings earlier builds read.
     *
     * @param buildStartNanos when the build started: files changed shortly before are not remembered
     */
    public SettingsCache settings(long buildStartNanos) {
        return SettingsCache.open(dir, buildKey, ignoreExisting, buildStartNanos);
    }

    /** Something that reads a store. */
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

    /** Closes the article cache, and waits for the stores still being read. */
    @Override
    public void close() throws IOException {
        if (articles != null) {
            articles().close();
        }
        memory.join();
    }
}
