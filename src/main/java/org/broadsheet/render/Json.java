package org.broadsheet.render;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON from plain maps, lists, strings, numbers and booleans, keys in insertion order so output is
 * deterministic. Safe to embed in HTML: {@code <}, {@code >}, {@code &} and the line separators are escaped,
 * so a headline containing {@code </script>} cannot end a JSON-LD block.
 */
public final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.size() > 1 && !(map instanceof java.util.LinkedHashMap || map instanceof java.util.SortedMap)) {
                // Map.of and HashMap iterate in an order that changes between runs: output would too.
                throw new IllegalArgumentException("JSON objects need an ordered map");
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, entry.getKey().toString());
                out.append(':');
                append(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        int plain = 0; // where the run of characters written as they are began
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > '>' && c != '\\' && (c < '\u2028' || c > '\u2029')) {
                continue; // written as itself, like nearly every char of a Chinese text, without asking escaped()
            }
            String escaped = escaped(c);
            if (escaped != null) {
                out.append(text, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        out.append(text, plain, text.length()).append('"');
    }

    /** How {@code c} is written inside a JSON string, or null when it is written as itself. */
    private static String escaped(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c);
            default -> c < 0x20 ? unicodeEscape(c) : null;
        };
    }

    /** A backslash, 'u' and four hex digits; a feed's HTML has a '<' every few words, so no String.format. */
    private static String unicodeEscape(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12 & 0xF], HEX[c >> 8 & 0xF], HEX[c >> 4 & 0xF],
                HEX[c & 0xF]});
    }
}
