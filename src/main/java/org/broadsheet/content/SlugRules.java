package org.broadsheet.content;

import java.util.Optional;

/**
 * What a slug (the last part of an article's URL and its file name in the output) may be. Chinese is
 * welcome; anything that could climb out of its folder, hide, or mean something to a web server is not.
 */
public final class SlugRules {
    static final int MAX_LENGTH = 120;
    /** Names Windows cannot store as files, whatever the extension; archives get copied to Windows hosts. */
    private static final java.util.regex.Pattern WINDOWS_RESERVED = java.util.regex.Pattern.compile(
            "(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");

    private SlugRules() {
    }

    /** The reason the slug is refused, or empty when it is fine. */
    public static Optional<String> check(String slug) {
        if (slug.isEmpty()) {
            return Optional.of("slug is empty");
        }
        if (slug.length() > MAX_LENGTH) {
            return Optional.of("slug is longer than " + MAX_LENGTH + " characters");
        }
        if (slug.startsWith(".") || slug.startsWith("-")) {
            return Optional.of("slug '" + slug + "' must not start with '.' or '-'");
        }
        if (slug.equals("index")) {
            return Optional.of("slug 'index' is reserved for the page itself");
        }
        if (WINDOWS_RESERVED.matcher(slug).matches()) {
            return Optional.of("slug '" + slug + "' is a reserved device name on Windows");
        }
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (c < 0x20 || c == 0x7F || "/\\:*?\"<>|%#&+ \u3000".indexOf(c) >= 0) {
                return Optional.of("slug '" + slug + "' contains the character '" + printable(c) + "'");
            }
        }
        return Optional.empty();
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
