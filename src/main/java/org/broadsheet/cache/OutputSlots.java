package org.broadsheet.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.broadsheet.text.Digests;

/**
 * One folder of the build cache per output folder, {@code cache/output-<digest of its path>/}, for what a
 * build remembers of the files it published there (the render memory, the last build's record). A build
 * into a preview folder, or {@code serve}'s, then neither replaces nor trusts what the build into
 * {@code public/} remembered, and switching between them stays incremental for each.
 *
 * <p>The least recently used folders beyond {@link #KEPT} are removed, so temporary outputs do not pile up.
 */
public final class OutputSlots {
    static final int KEPT = 8;
    private static final String PREFIX = "output-";
    /** The single-slot files of Broadsheet before 0.2, which served whichever folder was built last. */
    private static final List<String> LEGACY = List.of("outputs", "outputs.tmp", "last-build", "last-build.tmp");

    private OutputSlots() {
    }

    /** The cache folder for publishing into {@code output}, created and marked as the most recently used. */
    public static Path open(Path cacheDir, Path output) throws IOException {
        Path slot = folderFor(cacheDir, output);
        Files.createDirectories(slot);
        Files.setLastModifiedTime(slot, FileTime.from(Instant.now()));
        for (String legacy : LEGACY) {
            Files.deleteIfExists(cacheDir.resolve(legacy));
        }
        prune(cacheDir, slot);
        return slot;
    }

    /** Where the cache for publishing into {@code output} lies in {@code cacheDir}. */
    public static Path folderFor(Path cacheDir, Path output) {
        return cacheDir.resolve(PREFIX + Digests.sha256Hex(output.toAbsolutePath().normalize().toString(), 8));
    }

    private static void prune(Path cacheDir, Path current) throws IOException {
        List<Path> slots = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cacheDir, PREFIX + "*")) {
            entries.forEach(slots::add);
        }
        if (slots.size() <= KEPT) {
            return;
        }
        slots.sort(Comparator.comparing(OutputSlots::lastUsed).reversed().thenComparing(Comparator.naturalOrder()));
        for (Path old : slots.subList(KEPT, slots.size())) {
            if (!old.equals(current)) {
                deleteSlot(old);
            }
        }
    }

    private static FileTime lastUsed(Path slot) {
        try {
            return Files.getLastModifiedTime(slot);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteSlot(Path slot) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(slot)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(slot);
    }

}
