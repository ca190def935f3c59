package org.broadsheet.build;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a preview of an edit shows before the whole site is built again ({@link BuildSession#preview}): the
 * new bytes of the pages it rendered, by output path, and the paths whose pages the edit removed.
 *
 * @param written every page of the issues the edit reached, by output path (relative, with '/'), changed or not
 * @param removed output paths of pages that are gone (a deleted or renamed story)
 * @param folders the output folders of those issues (e.g. {@code 2025/12/12/}): every page in them is among
 *                {@code written}, so a page an earlier preview showed there and this one does not is gone
 */
public record PreviewPages(Map<String, byte[]> written, Set<String> removed, Set<String> folders) {
    public PreviewPages {
        written = Map.copyOf(written);
        removed = Set.copyOf(removed);
        folders = Set.copyOf(folders);
    }

    /** Whether {@code path} lies in one of {@link #folders}. */
    public boolean covers(String path) {
        return folders.stream().anyMatch(path::startsWith);
    }

    /** Every path the preview changes, sorted. */
    public Set<String> paths() {
        TreeSet<String> paths = new TreeSet<>(written.keySet());
        paths.addAll(removed);
        return paths;
    }
}
