package org.broadsheet.search;

/**
 * Non-negative numbers as text, for postings inside JSON strings: five bits a char, most significant first, the
 * last char of a number taken from one half of a 64-char alphabet and the others from the other half, so numbers
 * need no separator. Text rather than bytes because static hosts compress JSON but usually not binary files,
 * and gzip brings these chars close to the bytes a binary varint would take. No char needs escaping in JSON.
 */
public final class NumberCode {
    /** The first 32 chars end a number; the last 32 continue it. */
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    private static final int[] VALUES = new int[128];
    /** {@link #ALPHABET} as bytes: the writers' inner loop reads an array, not a String. */
    static final byte[] BYTES = ALPHABET.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private NumberCode() {
    }

    public static void append(StringBuilder out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        int shift = 0;
        while ((value >>> shift) >= 32) {
            shift += 5;
        }
        for (; shift > 0; shift -= 5) {
            out.append(ALPHABET.charAt(32 + (int) ((value >>> shift) & 31)));
        }
        out.append(ALPHABET.charAt((int) (value & 31)));
    }

    /** How many chars {@code value} (non-negative) takes. */
    static int length(long value) {
        // Most postings are gaps under 1,024: two comparisons answer them, cheaper than counting the zeros under
        // the launcher's C1 compiler. Otherwise five bits a char: the bits the value uses, rounded up.
        if (value < 1 << 10) {
            return value < 1 << 5 ? 1 : 2;
        }
        return (68 - Long.numberOfLeadingZeros(value)) / 5;
    }

    /**
     * Writes {@code value} (non-negative) into {@code bytes} at {@code at}, which has room for {@link #length} of
     * it; returns where it ends.
     */
    static int write(byte[] bytes, int at, long value) {
        // One char or two: most gaps in the postings.
        if (value < 1 << 5) {
            bytes[at] = BYTES[(int) value];
            return at + 1;
        }
        if (value < 1 << 10) {
            bytes[at] = BYTES[32 + (int) (value >>> 5)];
            bytes[at + 1] = BYTES[(int) (value & 31)];
            return at + 2;
        }
        // Three chars: a position in a long story, a gap between stories far apart.
        if (value < 1 << 15) {
            bytes[at] = BYTES[32 + (int) (value >>> 10)];
            bytes[at + 1] = BYTES[32 + (int) (value >>> 5 & 31)];
            bytes[at + 2] = BYTES[(int) (value & 31)];
            return at + 3;
        }
        int end = at + length(value);
        bytes[end - 1] = BYTES[(int) (value & 31)];
        long rest = value >>> 5;
        for (int i = end - 2; i >= at; i--) {
            bytes[i] = BYTES[32 + (int) (rest & 31)];
            rest >>>= 5;
        }
        return end;
    }

    /** Reads numbers one after another from a text {@link #append} wrote. */
    public static final class Reader {
        private final String text;
        private int position;

        public Reader(String text) {
            this.text = text;
        }

        public boolean hasNext() {
            return position < text.length();
        }

        public long next() {
            long value = 0;
            while (true) {
                int digit = VALUES[text.charAt(position++)];
                if (digit < 0) {
                    throw new IllegalArgumentException("not a number code at " + (position - 1));
                }
                value = (value << 5) | (digit & 31);
                if (digit < 32) {
                    return value;
                }
            }
        }

        public int nextInt() {
            return Math.toIntExact(next());
        }
    }
}
