package org.broadsheet.importer;

/**
 * What a line of a printed page looks like, the only evidence the importer has of what it is: whether it ends a
 * sentence, whether it could be a headline or a column banner. Lengths count code points, so that a rare Han
 * character beyond the BMP counts as one character.
 */
final class TextShape {
    /** Longer than this, a line is a paragraph, not a headline: printed headlines fit on one line. */
    static final int HEADLINE_MAX = 32;
    /** A subheading inside a story (一、案件回顾) is shorter still. */
    static final int SUBHEADING_MAX = 16;
    private static final String CLOSING_MARKS = "。！？…；：.!?;:";
    /** Quotes and brackets that may follow a sentence's closing mark: "……。”" still closes the sentence. */
    private static final String TRAILING_CLOSERS = "”’」』）》)\"'";

    private TextShape() {
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether {@code text} ends a sentence, so that the paragraph it ends is complete. */
    static boolean endsClosed(String text) {
        int end = text.length();
        while (end > 0 && TRAILING_CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && CLOSING_MARKS.indexOf(text.charAt(end - 1)) >= 0;
    }

    /**
     * Whether {@code text} could be a headline line: short, not ending a sentence, and holding no full stop.
     * Commas are allowed ("案件虽小，情理俱在"), a full stop inside means a sentence.
     */
    static boolean isHeadlineLike(String text) {
        return length(text) <= HEADLINE_MAX && !endsClosed(text) && text.indexOf('。') < 0
                && !text.endsWith("，") && !text.endsWith("、");
    }

    /** Whether {@code text} could be a subheading within a story: a short headline-like line. */
    static boolean isSubheadingLike(String text) {
        return isHeadlineLike(text) && length(text) <= SUBHEADING_MAX;
    }

    /**
     * Whether {@code text} reads like a column banner: two or more short Han phrases separated by spaces
     * ("走进包头 看法治", "学法 懂法 守法"). Headlines have longer phrases; kickers are mostly one phrase.
     */
    static boolean isSlogan(String text) {
        String[] phrases = text.split("[\\s\u3000]+");
        if (phrases.length < 2 || length(text) > 14) {
            return false;
        }
        for (String phrase : phrases) {
            if (length(phrase) < 2 || length(phrase) > 5 || !phrase.codePoints().allMatch(TextShape::isHan)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Joins two pieces of one paragraph that a column break or a hard line wrap separated. Chinese is written
     * without spaces, so a break (even inside a word: "人民法" + "院") closes up; only between two ASCII letters
     * or digits, where the break stood for a space, is one put back.
     */
    static String join(String first, String second) {
        char last = first.charAt(first.length() - 1);
        char next = second.charAt(0);
        return isAsciiWord(last) && isAsciiWord(next) ? first + " " + second : first + second;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static boolean isAsciiWord(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
