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
import java.util.Set;
import java.util.TreeSet;
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
    /** Output path → what is served there (the bytes, or empty for a page served as missing). */
    private volatile Map<String, Shown> pages = Map.of();
    /** How many previews were taken in. */
    private long shown;

    /** A page as a preview showed it: its bytes (empty when removed), and the number of that preview. */
    private record Shown(Optional<byte[]> bytes, long preview) {
    }

    PreviewOverlay(Path output) {
        this.output = output;
    }

    /** What the overlay serves at {@code path}: empty when the output folder's file is served. */
    Optional<Optional<byte[]>> lookup(String path) {
        return Optional.ofNullable(pages.get(path)).map(Shown::bytes);
    }

    /**
     * Serves {@code preview}'s pages from now on; returns the paths whose served bytes changed, sorted, for the
     * tabs that show them. A page equal to the published file is served from the folder again.
     */
    synchronized List<String> take(PreviewPages preview) throws IOException {
        Map<String, Shown> next = new HashMap<>(pages);
        List<String> changed = new ArrayList<>();
        shown++;
        // A page an earlier preview showed in these issues and this one does not is gone: a story added and
        // deleted again before any build published it, whose removal the model this preview started from (a
        // build's, which never had it) cannot tell.
        Set<String> paths = new TreeSet<>(preview.paths());
        next.keySet().stream().filter(preview::covers).forEach(paths::add);
        for (String path : paths) {
            Optional<byte[]> published = published(path);
            Shown before = next.get(path);
            Optional<byte[]> served = before == null ? published : before.bytes();
            Optional<byte[]> now = Optional.ofNullable(preview.written().get(path));
            if (!same(served, now)) {
                changed.add(path);
            }
            if (same(published, now)) {
                next.remove(path);
            } else {
                next.put(path, new Shown(now, shown));
            }
        }
        pages = Map.copyOf(next);
        return changed;
    }

    /** How many previews were taken in so far. */
    synchronized long shown() {
        return shown;
    }

    /**
     * Serves the output folder again in place of what the first {@code count} previews showed: a build that
     * began after them has published it. What later previews showed stays.
     */
    synchronized void clearShownBefore(long count) {
        Map<String, Shown> next = new HashMap<>(pages);
        next.values().removeIf(page -> page.preview() <= count);
        pages = Map.copyOf(next);
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
