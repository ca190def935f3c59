package org.broadsheet.importer;

import java.nio.file.Path;

/**
 * A file the import would write.
 *
 * @param path relative to the site, as {@link org.broadsheet.content.ContentLayout} names it
 */
public record PlannedFile(Path path, String text) {
}
