package org.broadsheet.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replacing a published file so that it is only ever replaced by a complete one. Within one file system a
 * rename does that. Across file systems (the output on another disk or a tmpfs than the site's staging
 * area) the JDK's move deletes the old file before copying the new one, so a full disk mid-copy would lose
 * both: here the new bytes are copied beside the target under a temporary name first, and renamed over it
 * only once complete.
 */
final class Moves {
    private Moves() {
    }

    /**
     * Moves {@code from} to {@code to}, replacing what is there, whole or not at all. A failure names
     * {@code to}, the file the user knows, rather than the staged or temporary file.
     */
    static void replace(Path from, Path to) throws IOException {
        try {
            move(from, to);
        } catch (IOException e) {
            if (e instanceof FileSystemException fs && to.toString().equals(fs.getFile())) {
                throw e;
            }
            FileSystemException named = new FileSystemException(to.toString(), null, PublishInterrupted.reason(e));
            named.initCause(e);
            throw named;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path temp = partial(to);
            try {
                Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException failure) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException cleanup) {
                    failure.addSuppressed(cleanup);
                }
                throw failure;
            }
            Files.delete(from);
        }
    }

    /**
     * The name a copy across file systems is written under beside {@code target} until it is complete. A
     * build killed mid-copy leaves it; the next build, finishing the publish, removes it.
     */
    static Path partial(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".broadsheet-part");
    }
}
