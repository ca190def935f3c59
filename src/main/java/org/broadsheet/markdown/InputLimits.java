package org.broadsheet.markdown;

import java.util.Optional;

/**
 * Cheap checks made before an article reaches an engine: one pass over the text, no allocation. They refuse
 * the shapes that drive the engines into deep recursion or into their quadratic corners, far beyond anything
 * a newspaper story needs: a story nests a quote or a list two or three deep, not dozens.
 *
 * <ul>
 *   <li>size: at most {@link #MAX_CHARS} characters;</li>
 *   <li>containers: at most {@link #MAX_NESTING} block quotes and list items open on one line, counting the
 *       {@code >} and list markers at the start of the line and two columns of indentation before a marker
 *       as one level (nested lists are written by indenting). The number is commonmark-java's own: it stops
 *       nesting after 100 open blocks (a list counts twice, list and item: 50 nested lists) and silently
 *       renders anything deeper as text, where flexmark-java nests on. Refusing beyond that keeps the two
 *       engines identical and tells the writer, instead of flattening their text without a word;</li>
 *   <li>brackets: at most {@link #MAX_OPEN_BRACKETS} {@code [} still open at any point of a paragraph (text
 *       between blank lines); backslash-escaped brackets do not count. commonmark-java's link parsing is
 *       quadratic in that number ({@code ![[]()} repeated kept it busy for minutes);</li>
 *   <li>emphasis: at most {@link #MAX_DELIMITER_RUNS} runs of {@code *}, {@code _} or {@code ~} in one
 *       paragraph: flexmark-java matches emphasis in time quadratic in that number, and does not look at its
 *       input while it does, so not even the watchdog's cancellation stops it early.</li>
 * </ul>
 */
final class InputLimits {
    /** Far above any newspaper story (a long one is 20 KB). */
    static final int MAX_CHARS = 1_000_000;
    /** Block quotes and list items open at once: commonmark-java's silent limit (see above). */
    static final int MAX_NESTING = 50;
    /** Brackets open at once in one paragraph. */
    static final int MAX_OPEN_BRACKETS = 500;
    /** Emphasis and strikethrough delimiter runs in one paragraph. */
    static final int MAX_DELIMITER_RUNS = 10_000;

    private InputLimits() {
    }

    /** Why {@code markdown} is refused, or empty when it may be rendered. */
    static Optional<String> check(String markdown) {
        if (markdown.length() > MAX_CHARS) {
            return Optional.of("article body is " + markdown.length() + " characters, more than the limit of "
                    + MAX_CHARS);
        }
        return cannotOverrun(markdown) ? nesting(markdown) : scan(markdown);
    }

    /**
     * Whether no paragraph of {@code markdown} can pass the bracket or emphasis limit: the whole text holds
     * no more brackets than one paragraph may, and no more characters than one paragraph may have runs. Then
     * only the nesting is left to check, and the loop over every character is skipped; it was most of these
     * checks' cost, some 1.5% of a cold build's CPU at 100,000 articles (bench/README.md, "Input limits by
     * count"), where {@code indexOf} finds a story's few brackets at a fraction of that.
     */
    static boolean cannotOverrun(String markdown) {
        if (markdown.length() > MAX_DELIMITER_RUNS) {
            return false;
        }
        int brackets = 0;
        for (int at = markdown.indexOf('['); at >= 0; at = markdown.indexOf('[', at + 1)) {
            if (++brackets > MAX_OPEN_BRACKETS) {
                return false;
            }
        }
        return true;
    }

    /** The nesting check alone, line by line. */
    private static Optional<String> nesting(String markdown) {
        int line = 1;
        for (int start = 0; start < markdown.length(); line++) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = markdown.length();
            }
            int depth = containerDepth(markdown, start, end);
            if (depth > MAX_NESTING) {
                return tooDeep(depth, line);
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /** Every check, over every character. */
    static Optional<String> scan(String markdown) {
        int length = markdown.length();
        int line = 1;
        int paragraphLine = 1;
        int brackets = 0;
        int runs = 0;
        char previous = '\n';
        for (int start = 0; start < length; line++) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int depth = containerDepth(markdown, start, end);
            if (depth > MAX_NESTING) {
                return tooDeep(depth, line);
            }
            if (isBlank(markdown, start, end)) {
                brackets = 0;
                runs = 0;
                paragraphLine = line + 1;
            } else {
                for (int i = start; i < end; i++) {
                    char c = markdown.charAt(i);
                    switch (c) {
                        case '\\' -> i++; // an escaped character is literal
                        case '[' -> {
                            if (++brackets > MAX_OPEN_BRACKETS) {
                                return Optional.of("brackets nested more than " + MAX_OPEN_BRACKETS + " deep on line "
                                        + line + " of the body; the limit is " + MAX_OPEN_BRACKETS);
                            }
                        }
                        case ']' -> brackets = Math.max(0, brackets - 1);
                        case '*', '_', '~' -> {
                            if (c != previous && ++runs > MAX_DELIMITER_RUNS) {
                                return Optional.of("more than " + MAX_DELIMITER_RUNS + " runs of *, _ or ~ in the "
                                        + "paragraph starting on line " + paragraphLine + " of the body; the limit is "
                                        + MAX_DELIMITER_RUNS);
                            }
                        }
                        default -> {
                        }
                    }
                    previous = c;
                }
            }
            previous = '\n';
            start = end + 1;
        }
        return Optional.empty();
    }

    private static Optional<String> tooDeep(int depth, int line) {
        return Optional.of("block quotes and lists nested " + depth + " deep on line " + line
                + " of the body; the limit is " + MAX_NESTING);
    }

    /**
     * Block quotes and list items opened at the start of the line from {@code start} to {@code end}: each
     * {@code >} and list marker is one, and so are two columns of indentation before a marker, except the
     * space that follows a marker anyway. A line without markers opens nothing.
     */
    static int containerDepth(String text, int start, int end) {
        int markers = 0;
        int columns = 0;
        boolean afterMarker = false;
        int p = start;
        while (p < end) {
            char c = text.charAt(p);
            if (c == ' ' || c == '\t') {
                if (!afterMarker) {
                    columns += c == '\t' ? 4 : 1;
                }
                afterMarker = false;
                p++;
            } else if (c == '>') {
                markers++;
                afterMarker = true;
                p++;
            } else if ((c == '-' || c == '+' || c == '*') && endsMarker(text, p + 1, end)) {
                markers++;
                afterMarker = true;
                p++;
            } else if (c >= '0' && c <= '9') {
                int q = p;
                while (q < end && q - p < 9 && text.charAt(q) >= '0' && text.charAt(q) <= '9') {
                    q++;
                }
                if (q < end && (text.charAt(q) == '.' || text.charAt(q) == ')') && endsMarker(text, q + 1, end)) {
                    markers++;
                    afterMarker = true;
                    p = q + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return markers == 0 ? 0 : markers + columns / 2;
    }

    private static boolean endsMarker(String text, int next, int end) {
        return next == end || text.charAt(next) == ' ' || text.charAt(next) == '\t';
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
