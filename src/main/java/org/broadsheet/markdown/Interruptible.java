package org.broadsheet.markdown;

import java.io.IOException;

/**
 * Makes the engines stoppable. Neither flexmark-java nor commonmark-java checks for interruption, and some
 * inputs keep them busy for minutes (quadratic corners of emphasis, brackets and raw HTML), so a render the
 * {@link GuardedMarkdown} watchdog gave up on would go on burning a core. The engines do read their input
 * (flexmark through a {@link CharSequence}) and write their output (both through an {@link Appendable}):
 * these wrappers look at the worker thread's interrupt flag now and then and, once it is set, throw
 * {@link Cancelled}, which unwinds the render. Everything a render touches is its own (parsers and renderers
 * are immutable and shared), so stopping it half-way leaves nothing inconsistent behind.
 */
final class Interruptible {
    /** How many reads between two looks at the interrupt flag: cheap enough to be invisible. */
    private static final int READS_BETWEEN_CHECKS = 1 << 12;

    private Interruptible() {
    }

    /** Thrown inside a render whose thread was interrupted: the watchdog already gave up on it. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("Markdown rendering cancelled", null, false, false);
        }
    }

    /** Throws {@link Cancelled} when the current thread has been interrupted. Does not clear the flag. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    /** {@code text} as a sequence whose reads now and then {@linkplain #check() check} for interruption. */
    static CharSequence chars(String text) {
        return new CheckedChars(text);
    }

    /** An output that {@linkplain #check() checks} for interruption on every write. */
    static Appendable output(StringBuilder into) {
        return new CheckedOutput(into);
    }

    private static final class CheckedChars implements CharSequence {
        private final String text;
        private int reads; // thread-confined: one render, one thread

        CheckedChars(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads % READS_BETWEEN_CHECKS == 0) {
                check();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            check();
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            check();
            return text;
        }
    }

    private static final class CheckedOutput implements Appendable {
        private final StringBuilder into;

        CheckedOutput(StringBuilder into) {
            this.into = into;
        }

        @Override
        public Appendable append(CharSequence text) throws IOException {
            check();
            into.append(text);
            return this;
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) throws IOException {
            check();
            into.append(text, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) throws IOException {
            check();
            into.append(c);
            return this;
        }
    }
}
