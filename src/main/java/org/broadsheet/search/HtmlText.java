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

    private static final Set<String> BLOCKS = Set.of("p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "td", "th", "tr", "table", "thead", "tbody", "blockquote", "div", "br", "hr", "figure", "figcaption",
            "section", "pre", "dd", "dt", "dl");
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");

    private HtmlText() {
    }

    public static String of(String html) {
        StringBuilder text = new StringBuilder(html.length());
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
                String name = tagName(html, i + 1, end);
                if (name.equals("sup") && html.charAt(i + 1) != '/') {
                    int close = html.indexOf("</sup>", end);
                    i = close < 0 ? n : close + 6;
                    continue;
                }
                if (BLOCKS.contains(name)) {
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
                    text.append(decoded);
                    i = semicolon + 1;
                }
            }
        }
        return text.toString();
    }

    private static int indexOrEnd(String html, char c, int from) {
        int at = html.indexOf(c, from);
        return at < 0 ? html.length() : at;
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
