package org.broadsheet.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a build puts its files. Paths are output-relative with '/' separators; implementations refuse any
 * path that would leave the output (IllegalArgumentException) and a second file at a path already claimed
 * ({@link OutputClash}). Thread-safe: renderers write from many threads at once.
 *
 * <p>It is rendering's side of the hand-over, so it lives here and the {@code output} stage implements it
 * (its staging area): data flows from render to output without render knowing how files are published.
 */
public interface OutputSink {
    /** Stores {@code bytes} as the file at {@code path}. */
    void write(String path, byte[] bytes) throws IOException;

    /** Stores a copy of {@code source} (an image, a theme file) at {@code path}. */
    void copy(String path, Path source) throws IOException;

    /** Claims {@code path} for the file already published there, which this build found to be current. */
    void keep(String path);

    /**
     * The bytes of the file published at {@code path} before this build, when there is one: what an output that
     * sums up many inputs (the search index's term directory) reads back of the inputs that did not change.
     */
    default Optional<byte[]> published(String path) throws IOException {
        return Optional.empty();
    }
}
