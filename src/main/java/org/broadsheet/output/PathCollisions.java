package org.broadsheet.output;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Output paths that are different on Linux but name one file where the site may be hosted or copied:
 * macOS and Windows compare names without case, and macOS also without regard to Unicode normalisation
 * (a {@code é} composed or decomposed). Two such pages would overwrite each other there, silently.
 */
public final class PathCollisions {
    private PathCollisions() {
    }

    /** Groups of two or more paths that collide, each group sorted, the groups in order of their first path. */
    public static List<List<String>> among(List<String> paths) {
        Map<String, TreeSet<String>> byFoldedName = new TreeMap<>();
        for (String path : paths) {
            byFoldedName.computeIfAbsent(folded(path), key -> new TreeSet<>()).add(path);
        }
        List<List<String>> groups = new ArrayList<>();
        for (TreeSet<String> group : byFoldedName.values()) {
            if (group.size() > 1) {
                groups.add(List.copyOf(group));
            }
        }
        groups.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return groups;
    }

    /** The name both file systems would look up: decomposed (as macOS stores names), then case-folded. */
    static String folded(String path) {
        String decomposed = Normalizer.normalize(path, Normalizer.Form.NFD);
        return decomposed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
