package org.broadsheet.search;

import java.util.Map;
import java.util.Set;

/**
 * The text of a story's rendered body, as search indexes it: tags removed, entities decoded, footnote marks
 * dropped (their digits would read as part of the sentence). The edge of a block (paragraph, list item, cell,
 * heading) becomes a {@link #BREAK}, so no phrase is found across two paragraphs; an inline tag vanishes, since
 * Chinese puts no space around a link or bold text.
 */
public final class HtmlText {
    /** A char that is neither a unit nor white space: it separates units as punctuation does. */
    public static final char BREAK = '\u0003';

    /** An array, not a List: looping over a List makes an iterator per tag, which C1 does not optimise away. */
    private static final String[] BLOCK_NAMES = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td",
        "th", "tr", "table", "thead", "tbody", "blockquote", "div", "br", "hr", "figure", "figcaption", "section",
        "pre", "dd", "dt", "dl"};
    private static final Set<String> BLOCKS = Set.of(BLOCK_NAMES);
    private static final int OTHER = 0;
    private static final int SUP = 1;
    private static final int BLOCK = 2;
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");

    private HtmlText() {
    }

    public static String of(String html) {
        SearchText.Chars text = new SearchText.Chars(html.length());
        into(html, text);
        return text.toString();
    }

    /**
     * {@link #of}'s text, into {@code text} (cleared first): the indexer reuses one buffer for every story, and
     * copies the runs of plain text between tags with {@code getChars}, where a builder appends a String's Han
     * chars one at a time.
     */
    static void into(String html, SearchText.Chars text) {
        text.clear();
        int i = 0;
        int n = html.length();
        // Where the next '<' and '&' are, each found again only once passed: indexOf finds them several times
        // faster than a loop over every char, and a body without '&' is searched for one once.
        int lt = -1;
        int amp = -1;
        while (i < n) {
            // The text up to the next tag or entity is copied in one piece: most of a body is plain text.
            if (lt < i) {
                lt = indexOrEnd(html, '<', i);
            }
            if (amp < i) {
                amp = indexOrEnd(html, '&', i);
            }
            int plain = Math.min(lt, amp);
            text.append(html, i, plain);
            i = plain;
            if (i == n) {
                break;
            }
            if (html.charAt(i) == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                int kind = tagKind(html, i + 1, end);
                if (kind == SUP && html.charAt(i + 1) != '/') {
                    int close = html.indexOf("</sup>", end);
                    i = close < 0 ? n : close + 6;
                    continue;
                }
                if (kind == BLOCK) {
                    text.append(BREAK);
                }
                i = end + 1;
            } else {
                // Looked for only as far as an entity's name can reach: a text of many '&' and no ';' stays linear.
                int semicolon = i + 1;
                while (semicolon < Math.min(n, i + 12) && html.charAt(semicolon) != ';') {
                    semicolon++;
                }
                String decoded = semicolon < Math.min(n, i + 12) ? entity(html.substring(i + 1, semicolon)) : null;
                if (decoded == null) {
                    text.append('&');
                    i++;
                } else {
                    text.append(decoded, 0, decoded.length());
                    i = semicolon + 1;
                }
            }
        }
    }

    private static int indexOrEnd(String html, char c, int from) {
        int at = html.indexOf(c, from);
        return at < 0 ? html.length() : at;
    }

    /**
     * Whether the tag whose name starts at {@code from} (after its '<') is a {@link #SUP}, a {@link #BLOCK} or
     * {@link #OTHER}. A name of lower-case ASCII letters and digits, as the engines write every tag, is matched
     * where it stands; any other is cut out and lower-cased first.
     */
    private static int tagKind(String html, int from, int end) {
        int start = from < end && html.charAt(from) == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && isLowerAsciiAlnum(html.charAt(stop))) {
            stop++;
        }
        if (stop < end && Character.isLetterOrDigit(html.charAt(stop))) {
            String name = tagName(html, from, end);
            return name.equals("sup") ? SUP : BLOCKS.contains(name) ? BLOCK : OTHER;
        }
        int length = stop - start;
        if (length == 3 && html.startsWith("sup", start)) {
            return SUP;
        }
        for (String block : BLOCK_NAMES) {
            if (block.length() == length && html.startsWith(block, start)) {
                return BLOCK;
            }
        }
        return OTHER;
    }

    private static boolean isLowerAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static String tagName(String html, int from, int end) {
        int i = from;
        if (i < end && html.charAt(i) == '/') {
            i++;
        }
        int start = i;
        while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(start, i).toLowerCase(java.util.Locale.ROOT);
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int cp = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name);
    }
}
