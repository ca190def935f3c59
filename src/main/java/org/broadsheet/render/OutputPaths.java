package org.broadsheet.render;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an output-relative path before anything is written: it must stay inside the output folder and
 * mean the same on every operating system and file server.
 */
public final class OutputPaths {
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private OutputPaths() {
    }

    /** Why {@code path} is refused, or empty when it is safe. */
    public static Optional<String> problem(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            return Optional.of("not a relative file path");
        }
        if (path.indexOf('\\') >= 0 || path.indexOf(':') >= 0) {
            return Optional.of("contains '\\' or ':'");
        }
        // Control characters (NUL, tab, line breaks) would also break the one-path-per-line manifest.
        for (int i = 0; i < path.length(); i++) { // a loop, not a stream: every page's path is checked
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("contains a control character");
            }
        }
        // Segment by segment without split() or substring(): this runs for every file of every build.
        for (int start = 0; start <= path.length(); ) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 0 || path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                return Optional.of("has an empty, '.' or '..' segment");
            }
            int dot = path.indexOf('.', start);
            int stemLength = dot < 0 || dot > end ? length : dot - start;
            if ((stemLength == 3 || stemLength == 4) // every reserved name has three or four letters
                    && Character.isLetter(path.charAt(start))
                    && WINDOWS_RESERVED.contains(path.substring(start, start + stemLength).toLowerCase(Locale.ROOT))) {
                return Optional.of("uses the reserved name '" + path.substring(start, end) + "'");
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /**
     * The name a case-insensitive, Unicode-normalising file system (macOS, Windows, many file servers) would
     * file {@code path} under: two outputs with the same key would overwrite each other there.
     */
    public static String clashKey(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) >= 0x80) {
                return java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            }
        }
        return path.toLowerCase(Locale.ROOT); // ASCII is already in normal form
    }

    /** {@code root} joined with a checked {@code path}; throws on a path that {@link #problem} refuses. */
    public static Path resolve(Path root, String path) {
        check(path);
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("output path '" + path + "' leaves the output folder");
        }
        return resolved;
    }

    /** Throws when {@link #problem} refuses {@code path}. */
    public static void check(String path) {
        Optional<String> problem = problem(path);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("unsafe output path '" + path + "': " + problem.get());
        }
    }
}
