package org.broadsheet.output;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Publishing stopped part of the way (a full disk, a file that may not be replaced). Every file already
 * replaced was replaced whole and every other one still holds the last build's version; the journal lets
 * the next build finish. The message says so, and names the output file and the file system.
 */
public final class PublishInterrupted extends IOException {
    private static final long serialVersionUID = 1L;

    private PublishInterrupted(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * @param replaced how many changed files were already in place when it stopped
     * @param planned  how many changed files this publish moves
     */
    static PublishInterrupted of(Path output, IOException cause, int replaced, int planned) {
        String file = cause instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : output.toString();
        String reason = reason(cause);
        return new PublishInterrupted("publishing into " + output + " stopped at " + file + ": " + reason
                + " (file system " + describe(output) + "); " + replaced + " of " + planned + " changed files were "
                + "already replaced, each one whole, and the others still hold the last build's version. Free "
                + "space or fix the permissions, then build again: the next build finishes the publish", cause);
    }

    /**
     * Why {@code e} happened, without the file name it carries: the reason the operating system gave ("No
     * space left on device"), or the kind of failure when it gave none (AccessDeniedException).
     */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The file system holding {@code path} (or its nearest existing folder), with its free space. */
    static String describe(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "unknown";
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return store + ", " + store.getUsableSpace() / (1024 * 1024) + " MB free";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
