package org.broadsheet.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * How search reads text, the same for the index and for a query (and in {@code search.js}): normalised (NFKC,
 * so full-width ＰＤＦ and ２０２５ are PDF and 2025; then ASCII lower-cased), then cut into <em>units</em>: an ASCII
 * word or number (8.82 is one) is one unit, every other letter, digit or ideograph is a unit of its own, and
 * anything else (spaces, punctuation) separates units. No dictionary: index and query are cut alike, so a query
 * can never miss because two segmenters disagreed.
 */
public final class SearchText {
    /**
     * The last ideograph of the unified block that every Java from 17 on knows as one (Unicode 13): up to it,
     * {@link #isUnitChar} holds without asking.
     */
    static final char LAST_COMMON_IDEOGRAPH = '\u9ffc';
    /** A unit follows the one before it with nothing between. */
    public static final int JOINED = 0;
    /** Only white space lies between a unit and the one before it: a quoted phrase may span it. */
    public static final int SPACED = 1;
    /** Punctuation, a field's or a paragraph's edge lies before it: no phrase spans it. */
    public static final int BROKEN = 2;

    private SearchText() {
    }

    /**
     * One unit of text.
     *
     * @param start offset of its first char in the normalised text
     * @param gap   what lies between it and the unit before: {@link #JOINED}, {@link #SPACED} or {@link #BROKEN}
     */
    public record Unit(String text, int start, int end, int gap) {
    }

    /** NFKC, then A–Z to a–z only: a locale's lower-casing (Turkish dotless i) would differ from the client's. */
    public static String normalize(String text) {
        Chars out = new Chars(text.length());
        normalize(text, out);
        return out.toString();
    }

    /**
     * {@link #normalize(String)} into {@code out}, which is cleared first: an indexer reuses one buffer for every
     * story. Han text is nearly all ideographs, ASCII and a few marks that NFKC leaves alone and that nothing
     * before them combines with, so the text is normalised piece by piece between such chars: only the pieces that
     * may change go through {@link Normalizer}, each with the ASCII char before it (e + a combining acute is é),
     * and the rest of the text is copied, not normalised again.
     */
    static void normalize(String text, Chars out) {
        int n = text.length();
        char[] in = out.input(n);
        text.getChars(0, n, in, 0);
        normalize(in, n, out);
    }

    /**
     * {@link #normalize(String, Chars)} of the first {@code n} chars of {@code in}, which may be any array but the
     * one {@code out} holds its text in.
     */
    static void normalize(char[] in, int n, Chars out) {
        normalize(in, 0, n, out);
    }

    /**
     * {@link #normalize(char[], int, Chars)} of the chars from {@code from} to {@code n}, where the char before
     * {@code from}, if any, is stable and not ASCII: the text normalised piece by piece, as a whole text would be.
     */
    static void normalize(char[] in, int from, int n, Chars out) {
        out.clear();
        int i = from;
        while (i < n) {
            char c = in[i];
            if (isStable(c)) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && !isStable(in[end])) {
                end++;
            }
            if (end == i + 1 && c >= '\uff01' && c <= '\uff5e') {
                // A full-width form (，２Ａ) between stable chars is its ASCII form: the commonest change in Han text.
                char ascii = (char) (c - 0xfee0);
                out.append(ascii >= 'A' && ascii <= 'Z' ? (char) (ascii + 32) : ascii);
            } else {
                int start = i > from && in[i - 1] < 0x80 ? i - 1 : i;
                out.drop(i - start);
                String piece = Normalizer.normalize(new String(in, start, end - start), Normalizer.Form.NFKC);
                for (int k = 0; k < piece.length(); k++) {
                    char p = piece.charAt(k);
                    out.append(p >= 'A' && p <= 'Z' ? (char) (p + 32) : p);
                }
            }
            i = end;
        }
    }

    /**
     * Whether NFKC leaves {@code c} as it is, whatever surrounds it, and nothing before it combines with it or
     * with what follows: ASCII, the CJK ideographs of the BMP (extension A and the unified block), 、。 and the
     * quotation marks and brackets of Chinese text.
     */
    static boolean isStable(char c) {
        if (c < 0x80) {
            return true;
        }
        if (c >= '\u4e00' && c <= '\u9fff' || c >= '\u3400' && c <= '\u4dbf') {
            return true;
        }
        return c == '\u3001' || c == '\u3002' || c >= '\u300a' && c <= '\u3011' || c >= '\u2018' && c <= '\u201d'
                || c == '\u2014' || c == '\u00b7';
    }

    /** An ideograph of the unified block up to {@link #LAST_COMMON_IDEOGRAPH}: stable, and a unit on its own. */
    static boolean isCommonIdeograph(char c) {
        return c >= '\u4e00' && c <= LAST_COMMON_IDEOGRAPH;
    }

    /**
     * Whether the char at {@code i} of the first {@code n} chars of a text not yet normalised only separates units
     * (as punctuation does: {@link #BROKEN}), whatever came before it, so that it needs neither normalising nor
     * cutting: the marks of Chinese text that {@link #isStable} lists, and, when a stable char or the end follows,
     * a full-width form of ASCII punctuation (，：；？！（）) or {@link HtmlText#BREAK}. For a caller that reaches it
     * from an ideograph or from another such char, never from ASCII, which a piece after it might combine with.
     */
    static boolean breaksAlone(char[] text, int i, int n) {
        char c = text[i];
        if (c >= '\u3001' && c <= '\u3011') {
            return c <= '\u3002' || c >= '\u300a';
        }
        if (c >= '\u2014' && c <= '\u201d') {
            return c == '\u2014' || c >= '\u2018';
        }
        if (c == '\u00b7') {
            return true;
        }
        boolean fullWidthMark = c >= '\uff01' && c <= '\uff5e' && !isAsciiWordChar(c - 0xfee0);
        return (fullWidthMark || c == HtmlText.BREAK) && (i + 1 == n || isStable(text[i + 1]));
    }

    /**
     * A text as a growing char array, with a second array to read its input from: {@link #normalize(String, Chars)}
     * and {@link #scan} work on arrays, which the JIT compiles to plain loads where String's accessors check
     * bounds and coding on every char.
     */
    static final class Chars {
        private char[] chars;
        private char[] input = new char[0];
        private int length;

        Chars(int capacity) {
            chars = new char[Math.max(16, capacity)];
        }

        char[] array() {
            return chars;
        }

        int length() {
            return length;
        }

        void clear() {
            length = 0;
        }

        char[] input(int size) {
            if (input.length < size) {
                input = new char[Math.max(size, input.length * 2)];
            }
            return input;
        }

        void append(char c) {
            if (length == chars.length) {
                chars = java.util.Arrays.copyOf(chars, length * 2);
            }
            chars[length++] = c;
        }

        /** Appends {@code text}'s chars from {@code from} to {@code to}, copied in one piece. */
        void append(String text, int from, int to) {
            int count = to - from;
            if (length + count > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
            }
            text.getChars(from, to, chars, length);
            length += count;
        }

        void drop(int count) {
            length -= count;
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    /** Receives the units of a text one by one, as a span of it, so that an indexer need not make a String each. */
    public interface UnitSink {
        /** The unit {@code new String(text, start, end - start)}, with what lies before it ({@link #JOINED} etc.). */
        void unit(char[] text, int start, int end, int gap);
    }

    /** The units of already normalised text; the first unit's gap is {@link #BROKEN}. */
    public static List<Unit> units(String normalized) {
        List<Unit> units = new ArrayList<>(normalized.length());
        char[] chars = normalized.toCharArray();
        scan(chars, chars.length, (text, start, end, gap) -> units.add(new Unit(new String(text, start, end - start),
                start, end, gap)));
        return units;
    }

    /**
     * Hands the units of the first {@code length} chars of already normalised text to {@code sink} in order; the
     * first unit's gap is {@link #BROKEN}.
     */
    public static void scan(char[] normalized, int length, UnitSink sink) {
        scan(normalized, length, BROKEN, sink);
    }

    /**
     * As {@link #scan(char[], int, UnitSink)}, for text that follows units already handed on: {@code gap} is what
     * lies between the last of them and this text so far. Returns what lies after this text's last unit.
     */
    static int scan(char[] normalized, int length, int gap, UnitSink sink) {
        int i = 0;
        while (i < length) {
            char c = normalized[i];
            if (isCommonIdeograph(c)) {
                // Most of a Han text: an ideograph is a unit, whatever else the checks below would ask.
                sink.unit(normalized, i, i + 1, gap);
                gap = JOINED;
                i++;
                continue;
            }
            int cp = Character.codePointAt(normalized, i, length);
            if (isAsciiWordChar(cp)) {
                int end = asciiEnd(normalized, i, length);
                sink.unit(normalized, i, end, gap);
                gap = JOINED;
                i = end;
            } else if (isUnitChar(cp)) {
                int end = i + Character.charCount(cp);
                sink.unit(normalized, i, end, gap);
                gap = JOINED;
                i = end;
            } else {
                gap = Math.max(gap, Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? SPACED : BROKEN);
                i += Character.charCount(cp);
            }
        }
        return gap;
    }

    /** The end of the ASCII word or number at {@code start}; a '.' between digits belongs to a number (8.82). */
    private static int asciiEnd(char[] text, int start, int length) {
        int i = start;
        while (i < length) {
            char c = text[i];
            if (isAsciiWordChar(c)) {
                i++;
            } else if (c == '.' && i > start && isDigit(text[i - 1]) && i + 1 < length && isDigit(text[i + 1])) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** A letter, a decimal digit or an ideograph (〇 is not a letter): a unit on its own outside ASCII. */
    static boolean isUnitChar(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp) || Character.isIdeographic(cp);
    }

    /**
     * The term a pair of neighbouring units is indexed under: the two units, with a space between when only
     * white space separated them (so "supreme court" in quotes finds the words apart, and 鄂尔 多斯 is not 鄂尔多斯).
     * Never called for a {@link #BROKEN} pair.
     */
    public static String pair(Unit first, Unit second) {
        return second.gap() == SPACED ? first.text() + " " + second.text() : first.text() + second.text();
    }
}
