package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The body's text is found by jumping from one '<' or '&' to the next; a walk over every char, written out here
 * as the plainest statement of the rules, gives the same text on random bodies full of tags, entities, stray
 * '<', '&' and ';', and footnote marks.
 */
class HtmlTextTest {
    private static final List<String> PIECES = List.of("<p>", "</p>", "<strong>", "</strong>", "<sup>", "</sup>",
            "<a href=\"a&b\">", "</a>", "<br>", "<td>", "&amp;", "&lt;", "&#x4e2d;", "&#20013;", "&nbsp;", "&bogus;",
            "&", ";", "<", ">", "法院", "鄂尔多斯", "a", " ", "&#xZZ;", "&amp", "<P>", "<h2 id=\"x\">",
            // names matched where they stand, and their near misses: longer, upper-case, non-ASCII, empty
            "<br/>", "<Sup>", "<supx>", "</SUP>", "<blockquotes>", "<h7>", "<TABLE>", "<td2>", "<ſup>", "<pé>",
            "<>", "</>", "<figcaption class=\"c\">", "<p\tclass=x>");

    @Test
    void jumpingGivesTheTextOfAWalkOverEveryChar() {
        Random random = new Random(5);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder html = new StringBuilder();
            int pieces = random.nextInt(30);
            for (int i = 0; i < pieces; i++) {
                html.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertThat(HtmlText.of(html.toString())).as(html.toString()).isEqualTo(walk(html.toString()));
        }
    }

    /** The same rules, char by char. */
    private static String walk(String html) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                int start = html.charAt(i + 1) == '/' ? i + 2 : i + 1;
                int stop = start;
                while (stop < end && Character.isLetterOrDigit(html.charAt(stop))) {
                    stop++;
                }
                String name = html.substring(start, stop).toLowerCase(java.util.Locale.ROOT);
                if (name.equals("sup") && start == i + 1) {
                    int close = html.indexOf("</sup>", end);
                    i = close < 0 ? html.length() : close + 6;
                    continue;
                }
                if (List.of("p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
                        "thead", "tbody", "blockquote", "div", "br", "hr", "figure", "figcaption", "section", "pre",
                        "dd", "dt", "dl").contains(name)) {
                    text.append(HtmlText.BREAK);
                }
                i = end + 1;
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                String decoded = semicolon > i && semicolon < i + 12 ? entity(html.substring(i + 1, semicolon)) : null;
                text.append(decoded == null ? "&" : decoded);
                i = decoded == null ? i + 1 : semicolon + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            case "#x4e2d", "#20013" -> "中";
            default -> null;
        };
    }
}
