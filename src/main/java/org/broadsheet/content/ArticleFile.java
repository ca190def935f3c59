package org.broadsheet.content;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * An article file found by the scan, not yet read. Its size and modification time let the build cache tell
 * whether the file changed since the last build without reading it.
 *
 * @param file     relative to the site directory
 * @param date     the issue date its folder names
 * @param page     the page number its folder names
 * @param position 1-based position among its page's article files (by file name)
 * @param modified modification time in nanoseconds since the epoch, as precise as the file system keeps it
 */
public record ArticleFile(Path file, LocalDate date, int page, int position, long size, long modified) {
}
