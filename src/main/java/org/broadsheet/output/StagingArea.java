package org.broadsheet.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder a build renders into before anything is published. It remembers every path written so that
 * two pages claiming one file (or two names that a case-insensitive or Unicode-normalising file system
 * would merge) are caught instead of one silently overwriting the other. A file whose bytes equal the
 * published one is not staged at all: creating files is the slowest part of writing a large site, and a
 * rebuild leaves most files as they were.
 */
public final class StagingArea implements OutputSink {
    private final Path root;
    private final Path published;
    private final Map<String, String> claimed = new ConcurrentHashMap<>();
    private final Set<Path> createdDirs = ConcurrentHashMap.newKeySet();

    public StagingArea(Path root) {
        this(root, null);
    }

    /** @param published the output folder whose identical files need not be staged again; null for none */
    public StagingArea(Path root, Path published) {
        this.root = root.toAbsolutePath().normalize();
        this.published = published == null ? null : published.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Thrown when two outputs map to the same file; carries both paths. */
    public static final class OutputClash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputClash(String first, String second) {
            super(first.equals(second) ? "two outputs are both written to " + first
                    : "outputs " + first + " and " + second + " differ only in case or Unicode form");
        }
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        Path target = claim(path);
        Path existing = publishedFile(path);
        if (existing != null && Files.size(existing) == bytes.length
                && Arrays.equals(Files.readAllBytes(existing), bytes)) {
            return;
        }
        createParent(target);
        Files.write(target, bytes);
    }

    @Override
    public void copy(String path, Path source) throws IOException {
        Path target = claim(path);
        Path existing = publishedFile(path);
        if (existing != null && Files.mismatch(existing, source) == -1) {
            return;
        }
        createParent(target);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The published file at {@code path}, when there is one to compare with. */
    private Path publishedFile(String path) {
        if (published == null) {
            return null;
        }
        Path file = OutputPaths.resolve(published, path);
        return Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? file : null;
    }

    private void createParent(Path target) throws IOException {
        if (createdDirs.add(target.getParent())) {
            Files.createDirectories(target.getParent());
        }
    }

    /** Every path written, sorted. */
    public List<String> paths() {
        return claimed.values().stream().sorted().toList();
    }

    private Path claim(String path) {
        Path target = OutputPaths.resolve(root, path);
        String key = Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String earlier = claimed.putIfAbsent(key, path);
        if (earlier != null) {
            throw new OutputClash(earlier, path);
        }
        return target;
    }
}
