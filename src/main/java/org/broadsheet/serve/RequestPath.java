package org.broadsheet.serve;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The file a request asks for, as a path relative to the output folder, or nothing when the request's path is
 * one no published file can have: a {@code ..} or {@code .} segment, a backslash, a NUL or other control
 * character, a malformed percent escape or bytes that are not UTF-8. The path is decoded exactly once, so a
 * double-encoded {@code %252e%252e} stays the harmless name {@code %2e%2e}; what survives is still resolved
 * and checked against the output folder by {@link StaticFiles}, which also refuses symbolic links leading out.
 */
record RequestPath(String relative, boolean folder) {

    /** @param rawPath the request's path as sent, still percent-encoded, without the query */
    static Optional<RequestPath> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        Optional<String> decoded = decode(rawPath);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String path = decoded.get();
        StringBuilder relative = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                continue; // "//" and the trailing slash: static hosts read them as one slash
            }
            if (segment.equals(".") || segment.equals("..") || !plain(segment)) {
                return Optional.empty();
            }
            if (relative.length() > 0) {
                relative.append('/');
            }
            relative.append(segment);
        }
        return Optional.of(new RequestPath(relative.toString(), path.endsWith("/")));
    }

    private static boolean plain(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes once, as UTF-8; empty for a malformed escape or bytes that are not UTF-8. */
    static Optional<String> decode(String raw) {
        byte[] bytes = new byte[raw.length() * 3];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
