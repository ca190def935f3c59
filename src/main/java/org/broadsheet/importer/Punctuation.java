package org.broadsheet.importer;

/**
 * Evens out the mix of full-width and half-width characters that layout exports and OCR leave in Chinese text.
 * Chinese punctuation is full-width, so an ASCII colon, comma, semicolon, question or exclamation mark after a
 * Han character becomes its full-width form, and ASCII parentheses become （） when they enclose or touch Han
 * text ("(2025)蒙0203民初123号", "(张某)"). ASCII stays ASCII where it is ASCII's own: times (10:30), numbers
 * (1,000), URLs and English in parentheses. Full-width letters and digits (２０２５) become ASCII, as Chinese
 * typesetting prints them today. The full-width space is left to the callers, which treat it as a space.
 */
final class Punctuation {
    private Punctuation() {
    }

    static String normalise(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A') {
                out.append((char) (c - 0xFEE0));
            } else {
                out.append(c);
            }
        }
        String text = parentheses(out);
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int full = ":,;?!".indexOf(c);
            boolean afterHan = i > 0 && isChinese(text.charAt(i - 1));
            boolean beforeHan = i + 1 < text.length() && isChinese(text.charAt(i + 1));
            // A colon between a Han word and a name ("编辑:钱某") or a comma before Han text is Chinese; one
            // between digits is a time or a number.
            if (full >= 0 && (afterHan || c == ':' && beforeHan && !(i > 0 && Character.isDigit(text.charAt(i - 1))))) {
                result.append("：，；？！".charAt(full));
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    /** ASCII parentheses around or next to Han text become full-width, in pairs so that they stay matched. */
    private static String parentheses(CharSequence text) {
        StringBuilder out = new StringBuilder(text);
        for (int open = indexOf(out, '(', 0); open >= 0; open = indexOf(out, '(', open + 1)) {
            int close = indexOf(out, ')', open + 1);
            int nested = indexOf(out, '(', open + 1);
            if (close < 0 || nested >= 0 && nested < close) {
                if (open + 1 < out.length() && isChinese(out.charAt(open + 1))) {
                    out.setCharAt(open, '（'); // an unmatched one, e.g. a byline broken across lines
                }
                continue;
            }
            boolean chinese = open > 0 && isChinese(out.charAt(open - 1))
                    || close + 1 < out.length() && isChinese(out.charAt(close + 1));
            for (int i = open + 1; i < close && !chinese; i++) {
                chinese = isChinese(out.charAt(i));
            }
            if (chinese) {
                out.setCharAt(open, '（');
                out.setCharAt(close, '）');
            }
        }
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == ')' && i > 0 && isChinese(out.charAt(i - 1)) && !hasOpen(out, i)) {
                out.setCharAt(i, '）');
            }
        }
        return out.toString();
    }

    private static boolean hasOpen(CharSequence text, int close) {
        for (int i = close - 1; i >= 0; i--) {
            if (text.charAt(i) == '(') {
                return true;
            }
            if (text.charAt(i) == ')') {
                return false;
            }
        }
        return false;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Han characters and the full-width punctuation that stands between them. A surrogate counts as Han: in
     * this text the characters beyond the BMP are the rare Han characters of names (𬘭).
     */
    static boolean isChinese(char c) {
        return Character.isSurrogate(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || c >= '\u3000' && c <= '\u303F' || c >= '\uFF01' && c <= '\uFF0F' || c == '\uFF1A'
                || c == '\uFF1B' || c == '\u201C' || c == '\u201D';
    }
}
