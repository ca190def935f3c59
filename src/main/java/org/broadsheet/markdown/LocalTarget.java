package org.broadsheet.markdown;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A link or image in a body that leads to a file of the site by a relative path: {@code photo.jpg},
 * {@code ../02/01.md}, {@code 普法.pdf#page=2}. Absolute URLs ({@code https:}, {@code mailto:}, {@code //host}),
 * root-relative paths ({@code /x}, which depend on where the site is served), bare fragments and queries
 * ({@code #note}, {@code ?q}) and URLs the {@link UrlPolicy} refuses (they become {@code #}) are none: whether
 * they lead anywhere cannot be told from the site's files.
 *
 * @param kind whether the body shows the file (an image) or links to it
 * @param path the destination's path as the browser asks for it: percent-decoded, backslashes made slashes,
 *             without query and fragment; never empty and never starting with {@code /}
 * @param line the 1-based line of the Markdown on which the link or image starts
 */
public record LocalTarget(Kind kind, String path, int line) {

    /** What the body does with the file. */
    public enum Kind {
        IMAGE("image"),
        LINK("link");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word messages use. */
        public String word() {
            return word;
        }
    }

    /** The same target, found on another line: the line in the file rather than in the body. */
    public LocalTarget atLine(int fileLine) {
        return new LocalTarget(kind, path, fileLine);
    }

    /**
     * The local target of a destination as an engine parsed it (escapes and entities already resolved), or
     * empty when the destination is not a relative path. Both engines call this, so they agree on what counts.
     */
    public static Optional<LocalTarget> of(Kind kind, String destination, int line) {
        if (!UrlPolicy.isAllowed(destination)) {
            return Optional.empty();
        }
        // As browsers do: outer spaces and controls are trimmed, tabs and newlines inside dropped, and in a
        // web URL a backslash is a slash (so "\\host\x" is another host, "..\x" the folder above).
        String url = trimmed(destination).replace('\\', '/');
        int end = indexOfAny(url, "?#");
        String path = end < 0 ? url : url.substring(0, end);
        if (path.isEmpty() || path.startsWith("/")) {
            return Optional.empty();
        }
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            return Optional.empty(); // a scheme the policy allowed (http, https, mailto): absolute
        }
        return Optional.of(new LocalTarget(kind, percentDecoded(path), line));
    }

    private static String trimmed(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        int start = 0;
        int end = out.length();
        while (start < end && out.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && out.charAt(end - 1) <= ' ') {
            end--;
        }
        return out.substring(start, end);
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code %E5%9B%BE.jpg} as the file name {@code 图.jpg}, which is what the server will look for. A path
     * whose escapes are not UTF-8 is kept as written: no file of ours has such a name, and the message
     * should show what the writer typed.
     */
    static String percentDecoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            int high = i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(path.charAt(i + 2), 16) : -1;
            if (c == '%' && high >= 0 && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < path.length()) {
                    utf8 = path.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return path;
        }
    }
}
