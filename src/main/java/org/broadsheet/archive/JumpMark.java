package org.broadsheet.archive;

import java.util.regex.Pattern;

/**
 * Where a story jumps to another page (转版). Writers mark the break in Markdown with a line holding only
 * {@code <!-- 转版 -->}; whatever the raw-HTML policy, that line reaches the model as {@link #MARK} in the
 * body HTML, and the theme prints "转第8版" and "接第6版" there.
 */
public final class JumpMark {
    /** The break's place in {@link Article#bodyHtml()}. */
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

    /** The engine's HTML with the placeholder paragraph turned into {@link #MARK}. */
    public static String afterRendering(String html) {
        return html.replace("<p>" + PLACEHOLDER + "</p>", MARK);
    }
}
