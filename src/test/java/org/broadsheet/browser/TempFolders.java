package org.broadsheet.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary folders the browser and the web server used. */
final class TempFolders {
    private TempFolders() {
    }

    /**
     * Deletes {@code dir} and everything in it. Failures are ignored: Chromium's and nginx's last writes may
     * race with the deletion, and a leftover temporary folder is harmless.
     */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // See above: nothing to do.
        }
    }
}
