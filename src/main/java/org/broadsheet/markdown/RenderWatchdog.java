package org.broadsheet.markdown;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops a render that runs on its caller's thread once it passes its deadline, by interrupting that thread
 * ({@link Interruptible} then ends the render). Starting and finishing a watch are two updates of a concurrent
 * set and wake no other thread: the watching is done by one daemon thread that looks at the renders in flight a
 * few times per deadline. It starts with the first watch and ends once no render has been in flight for a
 * while, so an instance needs no closing.
 *
 * <p>An interrupt must never outlive the render it was meant for, or it would stop whatever the thread does
 * next. So a watch is taken by exactly one side: the caller finishing it, or the watchdog stopping it, which
 * interrupts the thread only after taking it; a caller that finds its watch taken waits until the interrupt
 * was delivered and then clears it.
 */
final class RenderWatchdog {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

    private final long deadlineNanos;
    private final long tickMillis;
    private final long idleNanos;
    private final String threadName;
    private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();

    /** One render in flight on the thread that started the watch. */
    static final class Watch {
        private final Thread thread = Thread.currentThread();
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Watch(long deadline) {
            this.deadline = deadline;
        }
    }

    /**
     * Renders may run {@code deadline}; the watchdog looks every eighth of it (at least every 5 ms, at most every
     * 250 ms) and its thread ends after {@code idle} without a render.
     */
    RenderWatchdog(Duration deadline, Duration idle, String threadName) {
        this.deadlineNanos = deadline.toNanos();
        this.tickMillis = Math.max(5, Math.min(250, deadline.toMillis() / 8));
        this.idleNanos = idle.toNanos();
        this.threadName = threadName;
    }

    /** Watches the render the current thread is about to run. */
    Watch start() {
        Watch watch = new Watch(System.nanoTime() + deadlineNanos);
        inFlight.add(watch);
        if (!watching.get() && watching.compareAndSet(false, true)) {
            Thread thread = new Thread(this::watch, threadName);
            thread.setDaemon(true);
            thread.start();
        }
        return watch;
    }

    /**
     * Ends {@code watch}, on the thread that started it. True when the watchdog stopped the render: its interrupt
     * has then been delivered and is cleared.
     */
    boolean finish(Watch watch) {
        boolean stopped = !watch.state.compareAndSet(RUNNING, FINISHED);
        if (stopped) {
            while (watch.state.get() != STOPPED) {
                Thread.onSpinWait(); // the watchdog is between taking the watch and interrupting: a few instructions
            }
            Thread.interrupted();
        }
        inFlight.remove(watch);
        return stopped;
    }

    /** Whether the watchdog's thread is running (for tests). */
    boolean isWatching() {
        return watching.get();
    }

    private void watch() {
        long lastBusy = System.nanoTime();
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(tickMillis);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; should someone, it looks again at once.
            }
            long now = System.nanoTime();
            for (Watch watch : inFlight) {
                if (now - watch.deadline >= 0 && watch.state.compareAndSet(RUNNING, STOPPING)) {
                    watch.thread.interrupt();
                    watch.state.set(STOPPED);
                }
            }
            if (!inFlight.isEmpty()) {
                lastBusy = now;
            } else if (now - lastBusy >= idleNanos) {
                watching.set(false);
                // A render that started meanwhile saw the flag still set and started no thread: go on for it.
                if (inFlight.isEmpty() || !watching.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }
}
