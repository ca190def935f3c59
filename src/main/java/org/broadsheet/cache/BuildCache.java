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
    /** What the session's last build left, for a session that stays up; null for a build of its own. */
    private final ResidentStores kept;
    /** Whether this build's stores were handed on to the session's next build ({@link #keep}). */
    private boolean handedOn;

    private BuildCache(Path dir, Path outputDir, String buildKey, boolean ignoreExisting,
            Optional<LastBuild.Summary> lastBuild, CompletableFuture<OutputMemory> memory, ResidentStores kept) {
        this.dir = dir;
        this.outputDir = outputDir;
        this.buildKey = buildKey;
        this.ignoreExisting = ignoreExisting;
        this.lastBuild = lastBuild;
        this.memory = memory;
        this.kept = kept;
    }

    /**
     * Opens the cache in {@code dir} for a build with {@code buildKey} into {@code output}: reads the record of
     * the last build into that folder and starts reading its render memory.
     *
     * @param ignoreExisting whether to start afresh ({@code --no-cache}): nothing is read, and what this build
     *                       saves replaces what was there
     */
    public static BuildCache open(Path dir, Path output, String buildKey, boolean ignoreExisting) throws IOException {
        return open(dir, output, buildKey, ignoreExisting, null);
    }

    /**
     * As {@link #open(Path, Path, String, boolean)}, for a build of a session that stays up: {@code kept} is
     * what its last build left ({@link ResidentStores#NONE} for its first), which this build takes over and
     * starts from where it may; {@link #keep} hands this build's stores on in turn. Null for a build of its own.
     */
    public static BuildCache open(Path dir, Path output, String buildKey, boolean ignoreExisting,
            ResidentStores kept) throws IOException {
        Path outputDir = OutputSlots.open(dir, output);
        Optional<LastBuild.Summary> last = ignoreExisting ? Optional.empty() : LastBuild.read(outputDir, buildKey);
        boolean resident = kept != null;
        return new BuildCache(dir, outputDir, buildKey, ignoreExisting, last, inBackground(() -> {
            Optional<OutputMemory> resumed = resident && !ignoreExisting ? kept.memoryFor(outputDir, output, buildKey)
                    : Optional.empty();
            return resumed.isPresent() ? resumed.get()
                    : OutputMemory.open(outputDir, output, buildKey, ignoreExisting, resident);
        }), kept);
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
        if (articles != null) {
            return;
        }
        if (kept == null) {
            articles = inBackground(() -> ArticleCache.open(dir, buildKey, ignoreExisting));
            return;
        }
        Optional<ArticleCache> resumed = ignoreExisting ? Optional.empty() : kept.articlesFor(dir, buildKey);
        if (resumed.isPresent()) {
            articles = CompletableFuture.completedFuture(resumed.get());
            return;
        }
        articles = inBackground(() -> {
            kept.close(); // before the cache is opened afresh, which may start the bodies file anew
            return ArticleCache.open(dir, buildKey, ignoreExisting, true);
        });
    }

    /**
     * The stores as this build leaves them, for the next build of the session that stays up; call at the end
     * of a build that published (or found nothing to do), before {@link #close()}, which then leaves the
     * bodies file open for the next build.
     *
     * @param soleWriter whether only the session writes into its output folders (see {@link ResidentStores})
     */
    public ResidentStores keep(boolean soleWriter) throws IOException {
        if (kept == null) {
            throw new IllegalStateException("only a build of a session that stays up hands its stores on");
        }
        handedOn = true;
        ResidentStores.KeptMemory keptMemory = ResidentStores.KeptMemory.of(outputDir, buildKey, memory());
        if (articles == null) { // not needed by this build: what was kept stays as it was
            return kept.withMemory(keptMemory, soleWriter);
        }
        FileIdentity index = FileIdentity.of(ArticleCache.indexFile(dir)).orElse(null);
        return new ResidentStores(new ResidentStores.KeptArticles(dir, buildKey, articles(), index), keptMemory,
                soleWriter);
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
        if (!handedOn) {
            if (articles != null) {
                articles().close();
            }
            if (kept != null) {
                kept.close();
            }
        }
        memory.join();
    }
}
