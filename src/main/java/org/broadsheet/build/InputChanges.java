package org.broadsheet.build;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * What a caller knows of the site's files since its previous build through the same session: nothing
 * ({@link #UNKNOWN}, as for every one-shot build), or exactly which paths changed, as a file watcher reports
 * them. Known changes let the session look again only at those files instead of listing all of content/.
 *
 * @param paths paths relative to the site folder; a folder stands for everything in it
 */
public record InputChanges(boolean unknown, Set<Path> paths) {
    public static final InputChanges UNKNOWN = new InputChanges(true, Set.of());

    public InputChanges {
        paths = Set.copyOf(paths);
    }

    public static InputChanges of(Collection<Path> paths) {
        return new InputChanges(false, Set.copyOf(paths));
    }
}
