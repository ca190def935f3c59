package org.broadsheet.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.build.PreviewPages;
import org.broadsheet.render.OutputPaths;

/**
 * The pages of previews ({@code BuildSession#preview}) served in place of the output folder's files until the
 * build that follows has published: a page by its new bytes, a removed page as missing. The output folder itself
 * changes only when a whole build publishes, after which the overlay is {@link #clear}ed. Safe to use from any
 * thread: the server's threads read the latest map while the preview's thread replaces it.
 */
final class PreviewOverlay {
    private final Path output;
    /** Output path → the bytes served there, or empty for a page served as missing. */
    private volatile Map<String, Optional<byte[]>> pages = Map.of();

    PreviewOverlay(Path output) {
        this.output = output;
    }

    /** What the overlay serves at {@code path}: empty when the output folder's file is served. */
    Optional<Optional<byte[]>> lookup(String path) {
        return Optional.ofNullable(pages.get(path));
    }

    /**
     * Serves {@code preview}'s pages from now on; returns the paths whose served bytes changed, sorted, for the
     * tabs that show them. A page equal to the published file is served from the folder again.
     */
    synchronized List<String> take(PreviewPages preview) throws IOException {
        Map<String, Optional<byte[]>> next = new HashMap<>(pages);
        List<String> changed = new ArrayList<>();
        for (String path : preview.paths()) {
            Optional<byte[]> published = published(path);
            Optional<byte[]> served = next.getOrDefault(path, published);
            Optional<byte[]> now = Optional.ofNullable(preview.written().get(path));
            if (!same(served, now)) {
                changed.add(path);
            }
            if (same(published, now)) {
                next.remove(path);
            } else {
                next.put(path, now);
            }
        }
        pages = Map.copyOf(next);
        return changed;
    }

    /** Serves the output folder alone again: a build has published everything the previews showed. */
    void clear() {
        pages = Map.of();
    }

    private Optional<byte[]> published(String path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(OutputPaths.resolve(output, path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static boolean same(Optional<byte[]> a, Optional<byte[]> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || Arrays.equals(a.get(), b.get()));
    }
}
