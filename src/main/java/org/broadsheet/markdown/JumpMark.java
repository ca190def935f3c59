package org.broadsheet.markdown;

import java.util.regex.Pattern;

/**
 * Where a story jumps to another page (转版). Writers mark the break in Markdown with a line holding only
 * {@code <!-- 转版 -->}; whatever the raw-HTML policy, that line reaches the model as {@link #MARK} in the
 * body HTML, and the theme prints "转第8版" and "接第6版" there.
 *
 * <p>It lives beside the engines because it is Markdown in and HTML out around them: {@link
 * #beforeRendering} before {@link MarkdownEngine}, {@link #afterRendering} after. The model only carries the
 * resulting HTML; render reads {@link #MARK} to place the notes.
 */
public final class JumpMark {
    /** The break's place in an article's body HTML (the model's {@code Article.body()}, read by a BodyReader). */
    public static final String MARK = "<!--broadsheet:jump-->";
    private static final Pattern SOURCE_MARK = Pattern.compile("(?m)^[ \\t]*<!--\\s*转版\\s*-->[ \\t]*$");
    /** A paragraph no writer types, carried through the Markdown engine and swapped for {@link #MARK}. */
    private static final String PLACEHOLDER = "BROADSHEETJUMPMARK7F3A";

    private JumpMark() {
    }

    /** The Markdown with its break mark turned into a placeholder paragraph the engines keep. */
    public static String beforeRendering(String markdown) {
        if (!markdown.contains("转版")) {
            return markdown; // nearly every story: skip the line-by-line pattern
        }
        return SOURCE_MARK.matcher(markdown).replaceFirst("\n" + PLACEHOLDER + "\n");
    }

    /**
     * The line of {@code markdown} that line {@code renderedLine} of {@link #beforeRendering}'s text comes
     * from, so that a problem found in the rendered text names the writer's line: the placeholder takes
     * three lines (blank, placeholder, blank) where the mark took one.
     */
    public static int sourceLine(String markdown, int renderedLine) {
        if (!markdown.contains("转版")) {
            return renderedLine;
        }
        java.util.regex.Matcher mark = SOURCE_MARK.matcher(markdown);
        if (!mark.find()) {
            return renderedLine;
        }
        int markLine = 1;
        for (int i = 0; i < mark.start(); i++) {
            if (markdown.charAt(i) == '\n') {
                markLine++;
            }
        }
        if (renderedLine < markLine) {
            return renderedLine;
        }
        return renderedLine <= markLine + 2 ? markLine : renderedLine - 2;
    }

    /** The engine's HTML with the placeholder paragraph turned into {@link #MARK}. */
    public static String afterRendering(String html) {
        return html.replace("<p>" + PLACEHOLDER + "</p>", MARK);
    }
}
