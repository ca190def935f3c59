package org.broadsheet;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work on a thread with a 256 KiB stack. Surefire runs tests with -Xss4m, which would hide code that
 * recurses once per level of its input; a quarter of the smallest JVM default proves a guard holds on any
 * thread the tool may run on.
 */
public final class SmallStack {
    public static final long SIZE = 256 * 1024;

    private SmallStack() {
    }

    /** The result of {@code work}; whatever it throws, StackOverflowError included, fails the test. */
    public static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", SIZE);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the small-stack thread", e);
        }
        if (thrown.get() != null) {
            throw new AssertionError("thrown on a " + SIZE / 1024 + " KiB stack: " + thrown.get(), thrown.get());
        }
        return result.get();
    }
}
