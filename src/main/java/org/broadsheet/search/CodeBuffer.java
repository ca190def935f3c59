package org.broadsheet.search;

import java.util.Arrays;

/** {@link NumberCode} text as ASCII bytes in a growing array: postings are written here, not into builders. */
final class CodeBuffer {
    private byte[] bytes;
    private int size;

    CodeBuffer(int capacity) {
        this(new byte[Math.max(16, capacity)]);
    }

    /** A buffer that writes into {@code bytes} (whatever they hold) until it needs more room. */
    CodeBuffer(byte[] bytes) {
        this.bytes = bytes;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    /** As {@link NumberCode#append}. */
    void append(long value) {
        int length = NumberCode.length(value);
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        size = NumberCode.write(bytes, size, value);
    }
}
