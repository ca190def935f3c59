package org.broadsheet.search;

import java.util.Arrays;

/** {@link NumberCode} text as ASCII bytes in a growing array: postings are written here, not into builders. */
final class CodeBuffer {
    private byte[] bytes;
    private int size;

    CodeBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    /** As {@link NumberCode#append}. */
    void append(long value) {
        int shift = 0;
        while ((value >>> shift) >= 32) {
            shift += 5;
        }
        if (size + shift / 5 + 1 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + shift / 5 + 1));
        }
        for (; shift > 0; shift -= 5) {
            bytes[size++] = (byte) NumberCode.ALPHABET.charAt(32 + (int) ((value >>> shift) & 31));
        }
        bytes[size++] = (byte) NumberCode.ALPHABET.charAt((int) (value & 31));
    }
}
