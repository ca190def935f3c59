package org.broadsheet.importer;

/**
 * A printed paragraph as Markdown that renders as exactly that text. Newspaper text is not Markdown: "1.依法…"
 * must not become a list, nor "*" emphasis, nor "<" a tag. CommonMark lets a backslash escape any ASCII
 * punctuation, so the characters that could mean something are escaped wherever they stand, which is always
 * correct; full-width punctuation means nothing to Markdown and is left alone.
 */
final class MarkdownText {
    private static final String SPECIAL = "\\`*_[]<>#&~|";

    private MarkdownText() {
    }

    static String paragraph(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        escapeListMarker(out);
        return out.toString();
    }

    /** "1. …", "1) …", "- …", "+ …" and "= …" start lists or headings only at the start of a paragraph. */
    private static void escapeListMarker(StringBuilder out) {
        int digits = 0;
        while (digits < out.length() && digits < 9 && Character.isDigit(out.charAt(digits))
                && out.charAt(digits) < 0x80) {
            digits++;
        }
        if (digits > 0 && digits < out.length() && (out.charAt(digits) == '.' || out.charAt(digits) == ')')) {
            out.insert(digits, '\\');
        } else if (out.length() > 0 && "-+=".indexOf(out.charAt(0)) >= 0) {
            out.insert(0, '\\');
        }
    }
}
