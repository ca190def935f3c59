package org.broadsheet.search;

import java.util.Arrays;

/**
 * The {@link TermDirectory}'s short terms, each with its words of segment bits: every term of at most
 * {@value #MAX_CHARS} chars without a NUL (every Han unit and pair, spaced or not, and the short words) packed into
 * a long, its chars from the high bits down and zeros after its end, so that the longs compared unsigned are in
 * String's order. Held by open addressing in flat arrays: a String, a bit array and a map node per term took some
 * 140 bytes, and the text of a large archive holds millions of distinct pairs.
 */
final class PackedTerms {
    static final int MAX_CHARS = 4;
    private final int words;
    /** Slot s holds a key, or 0 when free (no term packs to 0); its bits are {@code bits[s * words…]}. */
    private long[] keys = new long[1 << 10];
    private long[] bits;
    private int size;

    PackedTerms(int words) {
        this.words = words;
        bits = new long[keys.length * words];
    }

    static boolean fits(String term) {
        return !term.isEmpty() && term.length() <= MAX_CHARS && term.indexOf('\0') < 0;
    }

    static long pack(String term) {
        long key = 0;
        for (int i = 0; i < MAX_CHARS; i++) {
            key = key << 16 | (i < term.length() ? term.charAt(i) : 0);
        }
        return key;
    }

    static String unpack(long key) {
        char[] chars = new char[MAX_CHARS];
        int length = 0;
        while (length < MAX_CHARS && (char) (key >>> (48 - 16 * length)) != 0) {
            chars[length] = (char) (key >>> (48 - 16 * length));
            length++;
        }
        return new String(chars, 0, length);
    }

    /** {@link TermDirectory#fileOf} of the term {@code key} packs, without making it a String. */
    static int fileOf(long key, int files) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < MAX_CHARS && (char) (key >>> (48 - 16 * i)) != 0; i++) {
            hash = (hash ^ (char) (key >>> (48 - 16 * i))) * 0x01000193;
        }
        return Integer.remainderUnsigned(hash, files);
    }

    /** Sets bit {@code bit} (below {@code words * 64}) of the term {@code key} packs, adding the term if new. */
    void set(long key, int bit) {
        int slot = find(key);
        if (keys[slot] == 0) {
            if ((size + 1) * 2 > keys.length) {
                grow();
                slot = find(key);
            }
            keys[slot] = key;
            size++;
        }
        bits[slot * words + (bit >>> 6)] |= 1L << bit;
    }

    /** Every term's key, in the terms' order. */
    long[] sortedKeys() {
        long[] sorted = new long[size];
        int count = 0;
        for (long key : keys) {
            if (key != 0) {
                sorted[count++] = key ^ Long.MIN_VALUE; // signed order of these is the keys' unsigned order
            }
        }
        Arrays.sort(sorted);
        for (int i = 0; i < count; i++) {
            sorted[i] ^= Long.MIN_VALUE;
        }
        return sorted;
    }

    /** The bits of the term {@code key} (one that was set) are {@code bits()[offset(key)…]}, {@code words} long. */
    int offset(long key) {
        return find(key) * words;
    }

    long[] bits() {
        return bits;
    }

    /** The slot holding {@code key}, or the free slot where it would go. */
    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldBits = bits;
        keys = new long[oldKeys.length * 2];
        bits = new long[keys.length * words];
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldKeys[slot] != 0) {
                int to = find(oldKeys[slot]);
                keys[to] = oldKeys[slot];
                System.arraycopy(oldBits, slot * words, bits, to * words, words);
            }
        }
    }
}
