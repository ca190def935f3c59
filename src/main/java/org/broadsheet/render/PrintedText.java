package org.broadsheet.render;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.JumpMark;

/**
 * The two pieces of print convention Broadsheet adds around a story: the dateline in bold at the start
 * of the first paragraph, and the byline in parentheses after the last. Pages and feeds share them.
 */
public final class PrintedText {
    private static final int SUMMARY_LENGTH = 120;
    private static final java.util.regex.Pattern NOTES_AND_FIGURES = java.util.regex.Pattern.compile(
            "(?s)<sup[^>]*>.*?</sup>|<figure>.*?</figure>");
    private static final java.util.regex.Pattern BLOCK_ENDS = java.util.regex.Pattern.compile(
            "</(p|li|h[1-6]|td|th|blockquote)>|<br\\s*/?>");
    private static final java.util.regex.Pattern TAGS = java.util.regex.Pattern.compile("<[^>]+>");
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

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

    /** The start of a story's text, for descriptions: tags dropped, whitespace folded, cut at a boundary. */
    public static String summary(String html) {
        // Block ends become spaces; inline tags vanish, since Chinese puts no space around a link or bold.
        String text = NOTES_AND_FIGURES.matcher(html).replaceAll("");
        text = BLOCK_ENDS.matcher(text).replaceAll(" ");
        text = TAGS.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        if (text.codePointCount(0, text.length()) <= SUMMARY_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
    }
}
