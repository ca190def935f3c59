package org.broadsheet.render;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.archive.Article;
import org.broadsheet.markdown.JumpMark;

/**
 * The two pieces of print convention Broadsheet adds around a story: the dateline in bold at the start
 * of the first paragraph, and the byline in parentheses after the last. Pages and feeds share them.
 */
public final class PrintedText {
    private static final int SUMMARY_LENGTH = 120;
    private static final List<String> SKIPPED_ELEMENTS = List.of("sup", "figure");
    private static final java.util.regex.Pattern BLOCK_END = java.util.regex.Pattern.compile(
            "</(p|li|h[1-6]|td|th|blockquote)>|<br\\s*/?>");
    private static final java.util.Map<String, String> ENTITIES = java.util.Map.of("&lt;", "<", "&gt;", ">",
            "&quot;", "\"", "&#39;", "'", "&amp;", "&");

    private PrintedText() {
    }

    /**
     * The body with the dateline in bold at the start of its first paragraph ("<b>包头讯</b> 近日，……"), as
     * the paper prints it; a body that does not open with a paragraph gets the dateline on its own line.
     */
    public static String withDateline(String bodyHtml, String dateline) {
        if (dateline.isEmpty()) {
            return bodyHtml;
        }
        String strong = "<strong class=\"dateline\">" + Html.escape(dateline) + "</strong>";
        String body = bodyHtml.stripLeading();
        if (body.startsWith("<p>")) {
            return "<p>" + strong + " " + body.substring(3);
        }
        return "<p class=\"dateline-only\">" + strong + "</p>\n" + body;
    }

    /**
     * A story that jumps pages shows （转第08版） and （接第06版） where the printed text breaks; without a break
     * mark the notes close the body. Without a jump, any stray mark is simply removed.
     */
    public static String withJumpNotes(String bodyHtml, Article article) {
        if (article.continuesOn().isEmpty()) {
            return bodyHtml.replace(JumpMark.MARK, "");
        }
        String notes = String.format("<p class=\"jump\">（转第%02d版）</p>\n<p class=\"jump\">（接第%02d版）</p>",
                article.continuesOn().getAsInt(), article.id().page());
        return bodyHtml.contains(JumpMark.MARK) ? bodyHtml.replace(JumpMark.MARK, notes)
                : bodyHtml + "\n" + notes;
    }

    /** （张三 李四）, （某某法院供稿）, or empty when the story names nobody. */
    public static String byline(Article article) {
        List<String> parts = new ArrayList<>(article.byline().authors());
        String source = article.byline().source();
        if (!source.isEmpty()) {
            parts.add(source.endsWith("供稿") ? source : source + "供稿");
        }
        return parts.isEmpty() ? "" : "（" + String.join(" ", parts) + "）";
    }

    /**
     * The start of a story's text, for descriptions: footnote marks and figures dropped, tags removed (block
     * ends become a space; inline tags vanish, since Chinese puts no space around a link or bold), whitespace
     * folded, cut after {@value #SUMMARY_LENGTH} characters. One pass that stops once it has enough, since it
     * runs for every story of the archive.
     */
    public static String summary(String html) {
        StringBuilder text = new StringBuilder(SUMMARY_LENGTH * 2);
        int codePoints = 0;
        int i = 0;
        while (i < html.length() && codePoints <= SUMMARY_LENGTH) {
            char c = html.charAt(i);
            if (c == '<') {
                i = skipTag(html, i, text);
                continue;
            }
            if (c == '&') {
                int semicolon = html.indexOf(';', i);
                String entity = semicolon > i ? ENTITIES.get(html.substring(i, semicolon + 1)) : null;
                if (entity != null) {
                    text.append(entity);
                    codePoints++;
                    i = semicolon + 1;
                    continue;
                }
            }
            if (Character.isWhitespace(c)) {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                    codePoints++;
                }
                i++;
                continue;
            }
            text.append(c);
            if (!Character.isHighSurrogate(c)) {
                codePoints++;
            }
            i++;
        }
        String result = text.toString().strip();
        if (result.codePointCount(0, result.length()) <= SUMMARY_LENGTH) {
            return result;
        }
        return result.substring(0, result.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
    }

    /** Skips the tag at {@code start} (and the whole element for footnote marks and figures). */
    private static int skipTag(String html, int start, StringBuilder text) {
        for (String element : SKIPPED_ELEMENTS) {
            if (html.startsWith("<" + element, start)) {
                int close = html.indexOf("</" + element + ">", start);
                return close < 0 ? html.length() : close + element.length() + 3;
            }
        }
        int end = html.indexOf('>', start);
        if (end < 0) {
            return html.length();
        }
        String tag = html.substring(start, end + 1);
        if (BLOCK_END.matcher(tag).matches() && text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
        }
        return end + 1;
    }
}
