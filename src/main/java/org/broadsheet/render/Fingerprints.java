package org.broadsheet.render;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Digests for telling whether a page's inputs changed. Pages use a fast 128-bit hash of their view's text
 * (two independent 64-bit multiply-and-mix lanes): it only has to tell one version of a page from the next,
 * nobody gains by forging a collision, and SHA-256 over every view cost more than rendering the page.
 * Templates, hashed once per build, use SHA-256.
 */
public final class Fingerprints {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fingerprints() {
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The fingerprint of {@code parts}, each followed by a separator so that ("ab", "c") and ("a", "bc") differ. */
    public static String of(String... parts) {
        Hasher hasher = new Hasher();
        for (String part : parts) {
            hasher.add(part);
        }
        return hasher.hex();
    }

    /**
     * A fingerprint taken part by part, without joining the parts into one text first (a rebuild digests every
     * story's fields). Equal parts in equal order give equal fingerprints; each part is followed by a separator
     * that tells texts of every length and numbers apart.
     */
    static final class Hasher {
        /** Chars hashed per copy; a multiple of four, so that only a part's last chunk has a tail. */
        private static final int CHUNK = 64;
        private long a = 0x9E3779B97F4A7C15L;
        private long b = 0xC2B2AE3D27D4EB4FL;
        private final char[] chars = new char[CHUNK];

        Hasher add(String part) {
            // Four chars a step, from an array: the launcher's C1 compiler makes a charAt loop several times
            // slower, and a rebuild of a large archive hashes some 100 MB of page inputs. The chars are copied
            // a chunk at a time into one buffer, not into a new array per part: a copy per part was a fifth of
            // what a rebuild allocated.
            int n = part.length();
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                part.getChars(from, to, chars, 0);
                int length = to - from;
                int i = 0;
                for (; i + 3 < length; i += 4) {
                    step(chars[i] | (long) chars[i + 1] << 16 | (long) chars[i + 2] << 32 | (long) chars[i + 3] << 48);
                }
                for (; i < length; i++) {
                    step(chars[i]);
                }
            }
            // The separator mixes in the length, so that the tail's chars cannot pass for a whole word.
            step(0x1_0000_0000L | n);
            return this;
        }

        /** Adds a number, whose separator no text's can equal. */
        Hasher add(long number) {
            step(number);
            step(0x2_0000_0000L);
            return this;
        }

        /** Adds a list's length and then each item. */
        Hasher addAll(java.util.List<String> parts) {
            add(parts.size());
            parts.forEach(this::add);
            return this;
        }

        private void step(long word) {
            a = (a ^ word) * 0x100000001B3L;
            b = Long.rotateLeft(b + word * 0xD6E8FEB86659FD93L, 31) * 0x9E3779B97F4A7C15L;
        }

        String hex() {
            return Fingerprints.hex(mix(a)) + Fingerprints.hex(mix(b ^ a));
        }
    }

    /** Spreads every input bit over the output (the finaliser of MurmurHash3). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static String hex(long value) {
        char[] text = new char[16];
        for (int i = 15; i >= 0; i--) {
            text[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(text);
    }

    static String hex(byte[] bytes) {
        char[] text = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(text);
    }
}
