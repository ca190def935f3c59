package org.broadsheet.content;

import java.nio.file.Path;
import java.util.List;

/**
 * Every regular file and symbolic link under {@code content/}, sorted by path, with the size and modification
 * time of each file: the first half of a scan, and all that is needed to tell whether anything changed.
 *
 * @param files the regular files, sorted by their slashed path
 * @param links the symbolic links (never followed), sorted by their slashed path
 */
public record ContentListing(List<Listed> files, List<Path> links) {
    public ContentListing {
        files = List.copyOf(files);
        links = List.copyOf(links);
    }

    /** Whether {@code key} (a slashed path relative to the site, e.g. content/2025/12/12/01/a.jpg) is a listed file. */
    public boolean contains(String key) {
        int low = 0;
        int high = files.size() - 1;
        while (low <= high) { // the files are sorted by key: no set of 100,000 paths needs building
            int middle = (low + high) >>> 1;
            int order = files.get(middle).key().compareTo(key);
            if (order == 0) {
                return true;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return false;
    }

    /**
     * One file, relative to the site.
     *
     * @param key      the path with forward slashes, the listing's sort key
     * @param modified modification time in nanoseconds since the epoch
     */
    public record Listed(Path path, String key, long size, long modified) {
    }
}
