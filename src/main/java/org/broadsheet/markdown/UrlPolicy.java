package org.broadsheet.markdown;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a link or image URL may become live in an article. Only web, mail and relative URLs pass;
 * everything else ({@code javascript:}, {@code vbscript:}, {@code data:}, …) is replaced by {@link #BLOCKED}.
 * Browsers ignore tabs, newlines and leading control characters in a scheme, so we strip them before looking.
 */
public final class UrlPolicy {
    /** What a refused URL becomes: a link to nowhere. */
    public static final String BLOCKED = "#";
    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");

    private UrlPolicy() {
    }

    public static boolean isAllowed(String url) {
        StringBuilder cleaned = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' || (cleaned.length() > 0 && c == ' ')) {
                cleaned.append(c);
            }
        }
        String text = cleaned.toString();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int firstSeparator = indexOfAny(text, "/?#");
        if (firstSeparator >= 0 && firstSeparator < colon) {
            return true; // a colon after the path started: relative, e.g. "a/b:c"
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        return ALLOWED_SCHEMES.contains(scheme);
    }

    /** The URL itself when allowed, otherwise {@link #BLOCKED}. */
    public static String filter(String url) {
        return isAllowed(url) ? url : BLOCKED;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
