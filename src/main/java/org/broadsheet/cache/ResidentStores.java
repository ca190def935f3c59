package org.broadsheet.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a build session that stays up ({@code serve}) keeps of the build cache from one build to the next: the
 * article cache and the render memory as its last build left them on disk. The next build starts from them
 * instead of reading the index of 100,000 articles again and, when the session is the output folder's only
 * writer, instead of looking at every published file again. Each is trusted only while its file on disk is
 * the very one the last build left ({@link FileIdentity}): a build by another process in between writes it
 * anew, and the next build then reads it from disk as usual.
 *
 * <p>Holds the article cache's bodies file open; {@link #close()} it when it is not handed to a build.
 */
public final class ResidentStores implements AutoCloseable {
    /** Nothing kept yet: the first build of a session that stays up. */
    public static final ResidentStores NONE = new ResidentStores(null, null, false);

    private final KeptArticles articles;
    private final KeptMemory memory;
    private final boolean soleWriter;

    /** The article cache of {@code dir} for builds with {@code buildKey}, and its index file when it was kept. */
    record KeptArticles(Path dir, String buildKey, ArticleCache cache, FileIdentity index) {
    }

    /** The render memory in {@code outputDir} for builds with {@code buildKey}, and its file when it was kept. */
    record KeptMemory(Path outputDir, String buildKey, OutputMemory memory, FileIdentity file) {
        static KeptMemory of(Path outputDir, String buildKey, OutputMemory memory) {
            return new KeptMemory(outputDir, buildKey, memory,
                    FileIdentity.of(OutputMemory.file(outputDir)).orElse(null));
        }
    }

    ResidentStores(KeptArticles articles, KeptMemory memory, boolean soleWriter) {
        this.articles = articles;
        this.memory = memory;
        this.soleWriter = soleWriter;
    }

    /** These stores with another build's render memory, the article cache left as it was. */
    ResidentStores withMemory(KeptMemory memory, boolean soleWriter) {
        return new ResidentStores(articles, memory, soleWriter);
    }

    /** The article cache kept, as a build with {@code buildKey} in {@code dir} starts from it, if it may. */
    Optional<ArticleCache> articlesFor(Path dir, String buildKey) {
        if (articles == null || articles.index() == null || !dir.equals(articles.dir())
                || !buildKey.equals(articles.buildKey()) || !articles.index().stillAt(ArticleCache.indexFile(dir))) {
            return Optional.empty();
        }
        return articles.cache().resume();
    }

    /** The article cache kept, as it was kept; null when none. */
    KeptArticles articles() {
        return articles;
    }

    /**
     * The render memory kept, as a build with {@code buildKey} into {@code output} (whose cache folder is
     * {@code outputDir}) starts from it, if it may.
     */
    Optional<OutputMemory> memoryFor(Path outputDir, Path output, String buildKey) throws IOException {
        if (memory == null || memory.file() == null || !outputDir.equals(memory.outputDir())
                || !buildKey.equals(memory.buildKey()) || !memory.file().stillAt(OutputMemory.file(outputDir))) {
            return Optional.empty();
        }
        return memory.memory().resume(output, soleWriter);
    }

    /** Closes the bodies file of the article cache kept, if any. */
    @Override
    public void close() throws IOException {
        if (articles != null) {
            articles.cache().close();
        }
    }
}
