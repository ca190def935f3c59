package org.broadsheet.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short names made from text: the first bytes of its SHA-256, in hex (a site's or an output folder's path). */
public final class Digests {
    private Digests() {
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text} (UTF-8), as lower-case hex. */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
