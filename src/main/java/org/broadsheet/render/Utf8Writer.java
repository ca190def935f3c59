package org.broadsheet.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} that encodes what a template writes into UTF-8 as it comes, for a page that is written to a
 * file. Collecting the page as text first meant copying every char into a builder, then into a String, then
 * encoding the String into an array three times the text's length and copying that to size: at 100,000
 * articles the copies and the encoding were some 6% of a cold build's CPU samples, and this writer is some
 * 3.5% (bench/README.md, "Pages encoded as they are written"). The bytes are exactly {@code
 * text.getBytes(UTF_8)} of all that was written, a surrogate pair split between two writes included and an
 * unpaired surrogate written as '?', as the JDK does.
 *
 * <p>Like {@link StringBuilderWriter}, it holds at most a given number of chars.
 */
final class Utf8Writer extends Writer {
    /** The largest arrays a writer keeps from one page to the next. */
    static final int KEPT_BYTES = 1 << 20;
    private static final int SCRATCH_CHARS = 1024;
    private final int capacity;
    private byte[] bytes;
    private int length;
    private int chars;
    /** A high surrogate that ended the last write, waiting for its low half; 0 when there is none. */
    private char high;
    private char[] scratch = new char[SCRATCH_CHARS];
    private final int maxChars;
    private final Runnable onOverflow;

    /**
     * @param onOverflow runs, on the writing thread, when a write would pass {@code maxChars}, before
     *                   {@link StringBuilderWriter.Overflow} is thrown: it may throw something more telling
     */
    Utf8Writer(int capacity, int maxChars, Runnable onOverflow) {
        this.capacity = capacity;
        this.bytes = new byte[capacity];
        this.maxChars = maxChars;
        this.onOverflow = onOverflow;
    }

    /**
     * Empties the writer for the next page. Arrays grown past {@link #KEPT_BYTES} for an unusually large page are
     * let go, so that the engine's idle writers do not hold on to them.
     */
    void reset() {
        length = 0;
        chars = 0;
        high = 0;
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[capacity];
        }
        if (scratch.length > KEPT_BYTES) {
            scratch = new char[SCRATCH_CHARS];
        }
    }

    /** The bytes written so far, as an array of their exact length. */
    byte[] toByteArray() {
        if (high != 0) {
            room(0, 1);
            bytes[length++] = '?';
            high = 0;
        }
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public void write(char[] text, int offset, int count) {
        room(count, 3 * count + 1);
        int end = offset + count;
        int at = offset;
        if (high != 0 && at < end) {
            at = afterHigh(text[at], at);
        }
        byte[] out = bytes;
        int n = length;
        while (at < end) {
            char c = text[at++];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && at < end && Character.isLowSurrogate(text[at])) {
                n = codePoint(out, n, Character.toCodePoint(c, text[at++]));
            } else if (Character.isHighSurrogate(c) && at == end) {
                high = c;
            } else {
                out[n++] = '?';
            }
        }
        length = n;
    }

    /** Strings are copied into a scratch array first, so that one encoding loop serves both kinds of write. */
    @Override
    public void write(String text, int offset, int count) {
        if (count > scratch.length) {
            scratch = new char[Math.max(count, 2 * scratch.length)];
        }
        text.getChars(offset, offset + count, scratch, 0);
        write(scratch, 0, count);
    }

    /** Finishes a pair split between two writes with {@code next}; the index of the next char to encode. */
    private int afterHigh(char next, int at) {
        char pending = high;
        high = 0;
        if (Character.isLowSurrogate(next)) {
            length = codePoint(bytes, length, Character.toCodePoint(pending, next));
            return at + 1;
        }
        bytes[length++] = '?';
        return at;
    }

    private static int codePoint(byte[] out, int n, int codePoint) {
        out[n++] = (byte) (0xF0 | codePoint >> 18);
        out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | codePoint & 0x3F);
        return n;
    }

    /** Counts {@code count} more chars against the limit and makes room for {@code most} more bytes. */
    private void room(int count, int most) {
        if (count > maxChars - chars) {
            onOverflow.run();
            throw new StringBuilderWriter.Overflow(maxChars);
        }
        chars += count;
        if (most > bytes.length - length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + most));
        }
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(int c) {
        scratch[0] = (char) c;
        write(scratch, 0, 1);
    }

    @Override
    public Utf8Writer append(CharSequence text) {
        String written = String.valueOf(text);
        write(written, 0, written.length());
        return this;
    }

    @Override
    public Utf8Writer append(CharSequence text, int start, int end) {
        String written = String.valueOf(text == null ? "null" : text.subSequence(start, end));
        write(written, 0, written.length());
        return this;
    }

    @Override
    public Utf8Writer append(char c) {
        write((int) c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
