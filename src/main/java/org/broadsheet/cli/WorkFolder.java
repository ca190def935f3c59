package org.broadsheet.cli;

import java.nio.file.Path;
import org.broadsheet.output.OutputMarker;

/**
 * Where {@code serve} and {@code check} build when no --output is given: a folder per site and purpose in
 * the user's cache ({@code $XDG_CACHE_HOME/broadsheet/PURPOSE/} or {@code ~/.cache/broadsheet/PURPOSE/}),
 * outside the site, so neither replaces what {@code build} published in {@code SITE/public} (a preview has
 * the server's address as base URL), and a restarted preview or a second check finds its files and render
 * memory again.
 */
final class WorkFolder {
    private WorkFolder() {
    }

    static Path of(Path site) {
        return of(site, "serve");
    }

    /** The folder of {@code site} for {@code purpose} ({@code serve}, {@code check}) in the user's cache. */
    static Path of(Path site, String purpose) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("broadsheet").resolve(purpose).resolve(OutputMarker.siteId(site));
    }
}
