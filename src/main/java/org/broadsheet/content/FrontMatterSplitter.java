package org.broadsheet.content;

import java.util.Optional;

/**
 * Splits a Markdown file into its YAML front matter and its body. The front matter is fenced by a line
 * "---" at the very top and the next line that is exactly "---" (or "..."); nothing else counts, so a
 * thematic break inside the body can never be mistaken for a fence.
 */
public final class FrontMatterSplitter {
    private FrontMatterSplitter() {
    }

    /**
     * @param yaml          the text between the fences
     * @param body          everything after the closing fence
     * @param bodyFirstLine the 1-based line where the body starts
     */
    public record Split(String yaml, String body, int bodyFirstLine) {
    }

    /** Empty when the text has no opening fence or no closing fence. Expects LF line ends. */
    public static Optional<Split> split(String text) {
        if (!(text.startsWith("---\n") || text.equals("---"))) {
            return Optional.empty();
        }
        int lineStart = 4;
        int line = 2;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String current = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
            if (current.stripTrailing().equals("---") || current.stripTrailing().equals("...")) {
                String yaml = text.substring(4, lineStart);
                String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
                return Optional.of(new Split(yaml, body, line + 1));
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
            line++;
        }
        return Optional.empty();
    }
}
