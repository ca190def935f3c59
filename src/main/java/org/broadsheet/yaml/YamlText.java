package org.broadsheet.yaml;

import java.util.Locale;
import java.util.Set;

/**
 * Writes text as a YAML scalar that reads back as exactly the same text, whatever it holds: quotes, colons,
 * {@code #}, leading dashes or brackets, line breaks, control characters. Plain when that is plainly safe
 * (most Chinese headlines), otherwise double-quoted with escapes, the one YAML style that can hold any text.
 */
public final class YamlText {
    /** Words YAML 1.1 tools read as booleans or null when plain; our reader types by schema, others may not. */
    private static final Set<String> RESERVED = Set.of("null", "~", "true", "false", "yes", "no", "on", "off",
            "y", "n");

    private YamlText() {
    }

    /** {@code text} as a YAML scalar for a block mapping's value: {@code key: <this>}. */
    public static String scalar(String text) {
        return isPlainSafe(text) ? text : doubleQuoted(text);
    }

    /**
     * Conservative: a plain scalar must start with a letter (Chinese characters are letters), and may hold no
     * ASCII punctuation that YAML gives a meaning to, no control character and no line break. Anything else is
     * quoted, which is always correct, only less pretty.
     */
    static boolean isPlainSafe(String text) {
        if (text.isEmpty() || !Character.isLetter(text.codePointAt(0))
                || RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (Character.isWhitespace(text.codePointBefore(text.length()))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || Character.isSurrogate(c) && !validSurrogate(text, i)
                    || ":#[]{},\"'`|>&*!%@\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} in double quotes, escaping the quote, the backslash and everything unprintable. */
    public static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                case '\u0085' -> out.append("\\u0085");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else if (c == '\uFEFF' || Character.isSurrogate(c) && !validSurrogate(text, i)) {
                        // A lone surrogate cannot be written in UTF-8; the replacement character keeps the
                        // file valid and shows where the broken character was.
                        out.append(c == '\uFEFF' ? "\\uFEFF" : "\\uFFFD");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
