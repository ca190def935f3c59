package org.broadsheet.render;

import java.io.Writer;

/**
 * A {@link Writer} into a {@link StringBuilder}. A template writes a page in thousands of small pieces, and
 * {@link java.io.StringWriter} sends each through a synchronized {@link StringBuffer}: a lock taken and
 * released per piece, for a page that only ever has one writer.
 */
final class StringBuilderWriter extends Writer {
    private final StringBuilder text;

    StringBuilderWriter(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public StringBuilderWriter append(CharSequence chars) {
        text.append(chars);
        return this;
    }

    @Override
    public StringBuilderWriter append(CharSequence chars, int start, int end) {
        text.append(chars, start, end);
        return this;
    }

    @Override
    public StringBuilderWriter append(char c) {
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
