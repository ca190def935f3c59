package org.broadsheet.cli;

import java.nio.file.Path;
import org.broadsheet.output.OutputMarker;

/**
 * Where {@code serve} publishes when no --output is given: a folder per site in the user's cache
 * ({@code $XDG_CACHE_HOME/broadsheet/serve/} or {@code ~/.cache/broadsheet/serve/}), outside the site, so
 * the preview (with the server's address as base URL) never replaces what {@code build} published in
 * {@code SITE/public}, and a restarted preview finds its files and render memory again.
 */
final class PreviewFolder {
    private PreviewFolder() {
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
