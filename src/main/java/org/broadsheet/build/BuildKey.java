package org.broadsheet.build;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import org.broadsheet.config.SiteConfig;

/**
 * What cached articles depend on besides their own files: the code that read and rendered them and the
 * Markdown settings. When it changes, the cache is not used.
 */
final class BuildKey {
    private BuildKey() {
    }

    static String of(SiteConfig config) {
        return "code " + codeStamp() + "; markdown " + config.markdown().engine() + " " + config.markdown().html();
    }

    /**
     * The jar's size and modification time: a rebuilt jar may read or render differently, whatever its
     * version says. Running from compiled classes (tests, an IDE) gives a fixed stamp.
     */
    private static String codeStamp() {
        CodeSource source = BuildSession.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return "unknown";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis();
            }
            return "classes";
        } catch (URISyntaxException | java.io.IOException | IllegalArgumentException
                | java.nio.file.FileSystemNotFoundException e) {
            return "unknown";
        }
    }
}
