package org.broadsheet.render;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}. A template writes a page in thousands of small pieces, and
 * {@link java.io.StringWriter} sends each through a synchronized {@link StringBuffer}: a lock taken and
 * released per piece, for a page that only ever has one writer.
 *
 * <p>It holds at most a given number of characters: a template that writes without end (a loop over an
 * endless range) stops with {@link Overflow} instead of filling the heap.
 */
final class StringBuilderWriter extends Writer {
    private final StringBuilder text;
    private final int maxChars;
    private final Runnable onOverflow;

    StringBuilderWriter(int capacity) {
        this(capacity, Integer.MAX_VALUE, () -> {
        });
    }

    /**
     * @param onOverflow runs, on the writing thread, when a write would pass {@code maxChars}, before
     *                   {@link Overflow} is thrown: it may throw something more telling instead
     */
    StringBuilderWriter(int capacity, int maxChars, Runnable onOverflow) {
        this.text = new StringBuilder(Math.min(capacity, maxChars));
        this.maxChars = maxChars;
        this.onOverflow = onOverflow;
    }

    /** Thrown when a write would pass the writer's limit. */
    static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overflow(int maxChars) {
            super("more than " + maxChars + " characters written", null, false, false);
        }
    }

    private void room(int length) {
        if (length > maxChars - text.length()) {
            onOverflow.run();
            throw new Overflow(maxChars);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        room(length);
        text.append(chars, offset, length);
    }

    @Override
    public void write(int c) {
        room(1);
        text.append((char) c);
    }

    @Override
    public void write(String string) {
        room(string.length());
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        room(length);
        text.append(string, offset, offset + length);
    }

    @Override
    public StringBuilderWriter append(CharSequence chars) {
        CharSequence appended = chars == null ? "null" : chars;
        room(appended.length());
        text.append(appended);
        return this;
    }

    @Override
    public StringBuilderWriter append(CharSequence chars, int start, int end) {
        room(end - start);
        text.append(chars, start, end);
        return this;
    }

    @Override
    public StringBuilderWriter append(char c) {
        room(1);
        text.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
