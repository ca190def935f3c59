package org.broadsheet.render;

/** Escaping for the few places where Java, not a template, writes HTML. */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        int first = 0;
        while (first < text.length() && !needsEscaping(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most text has nothing to escape: no copy, char by char, of every headline and URL
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    }
}
