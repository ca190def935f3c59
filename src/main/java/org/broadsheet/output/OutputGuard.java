package org.broadsheet.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.content.ContentLayout;

/**
 * Refuses output folders where publishing could destroy something: the site itself, its sources, the home
 * folder, the file system root, a non-empty folder Broadsheet did not create, or one another site publishes to.
 */
public final class OutputGuard {
    private OutputGuard() {
    }

    /** Why the build must not publish into {@code output}, or empty when it may. */
    public static Optional<String> refusal(Path site, Path output, boolean adoptNonEmpty) {
        Path siteDir = real(site);
        Path out = real(output);
        Path home = real(Path.of(System.getProperty("user.home", "/")));
        if (out.getParent() == null) {
            return Optional.of("the output folder is the file system root");
        }
        if (out.equals(home)) {
            return Optional.of("the output folder is the home folder");
        }
        if (siteDir.startsWith(out)) {
            return Optional.of("the output folder " + out + " is, or contains, the site folder");
        }
        for (String source : new String[] {ContentLayout.CONTENT_DIR, "themes", ".broadsheet"}) {
            if (out.startsWith(siteDir.resolve(source))) {
                return Optional.of("the output folder is inside the site's " + source + "/ folder");
            }
        }
        if (Files.isRegularFile(out)) {
            return Optional.of("the output path " + out + " is a file");
        }
        if (adoptNonEmpty || !Files.isDirectory(out)) {
            return Optional.empty();
        }
        Optional<OutputMarker> marker;
        try {
            marker = OutputMarker.read(out);
        } catch (IOException e) {
            return Optional.of("the output folder's marker " + out.resolve(OutputMarker.NAME) + " cannot be read ("
                    + e.getMessage() + ")");
        }
        if (marker.isEmpty() && !isEmpty(out)) {
            return Optional.of("the output folder " + out + " is not empty and was not created by Broadsheet");
        }
        if (marker.flatMap(OutputMarker::site).filter(owner -> !owner.equals(OutputMarker.siteId(siteDir)))
                .isPresent()) {
            // Publishing here would mix two sites' pages, and each site's next build would trust the folder.
            return Optional.of("the output folder " + out + " is published by another Broadsheet site (or by this "
                    + "site from another folder); with --force this site takes it over and removes that site's pages");
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The path with symbolic links resolved as far as it exists, so a link cannot disguise a folder. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
