package org.broadsheet.io;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives work that runs on its caller's thread (a page's template, a story's Markdown) a time limit, and stops it
 * there by interrupting that thread; the work itself looks at the interrupt and ends. Starting and finishing a
 * watch are two updates of a concurrent set and wake no other thread, where handing the work to another thread
 * and back would cost two wake-ups each time: the watching is done by one daemon thread that looks at the work
 * in flight a few times per limit. It starts with the first watch and ends once nothing has been watched for a
 * while, so an instance needs no closing.
 *
 * <p>An interrupt must never outlive the work it was meant for, or it would stop whatever the thread does next.
 * So a watch is taken by exactly one side: the caller finishing it, or the watchdog stopping it, which interrupts
 * the thread only after taking it; a caller that finds its watch taken waits until the interrupt was delivered
 * and then clears it.
 */
public final class DeadlineWatchdog {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

    private final long limitNanos;
    private final long patrolMillis;
    private final long idleNanos;
    private final String threadName;
    private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();

    /** One piece of work in flight on the thread that started the watch. */
    public static final class Watch {
        private final Thread thread = Thread.currentThread();
        private final long deadline;
        private final Runnable beforeStop;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Watch(long deadline, Runnable beforeStop) {
            this.deadline = deadline;
            this.beforeStop = beforeStop;
        }
    }

    /**
     * Work may run {@code limit}; the watchdog looks every {@code patrol} and its thread ends after {@code idle}
     * without work to watch.
     */
    public DeadlineWatchdog(Duration limit, Duration patrol, Duration idle, String threadName) {
        this.limitNanos = limit.toNanos();
        this.patrolMillis = Math.max(1, patrol.toMillis());
        this.idleNanos = idle.toNanos();
        this.threadName = threadName;
    }

    /**
     * Watches the work the current thread is about to run. Should it pass the limit, {@code beforeStop} runs on
     * the watchdog's thread before the interrupt (to note where the work was, say), and the work's own state it
     * sets is visible to the caller once {@link #finish} has returned true.
     */
    public Watch start(Runnable beforeStop) {
        Watch watch = new Watch(System.nanoTime() + limitNanos, beforeStop);
        inFlight.add(watch);
        if (!watching.get() && watching.compareAndSet(false, true)) {
            Thread thread = new Thread(this::patrol, threadName);
            thread.setDaemon(true);
            thread.start();
        }
        return watch;
    }

    /** {@link #start(Runnable)} with nothing to do before the interrupt. */
    public Watch start() {
        return start(() -> { });
    }

    /**
     * Ends {@code watch}, on the thread that started it. True when the watchdog stopped the work: its interrupt
     * has then been delivered and is cleared.
     */
    public boolean finish(Watch watch) {
        boolean stopped = !watch.state.compareAndSet(RUNNING, FINISHED);
        if (stopped) {
            while (watch.state.get() != STOPPED) {
                Thread.onSpinWait(); // the watchdog is between taking the watch and interrupting
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

    private void patrol() {
        long lastBusy = System.nanoTime();
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(patrolMillis);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; should someone, it looks again at once.
            }
            long now = System.nanoTime();
            for (Watch watch : inFlight) {
                if (now - watch.deadline >= 0 && watch.state.compareAndSet(RUNNING, STOPPING)) {
                    stop(watch);
                }
            }
            if (!inFlight.isEmpty()) {
                lastBusy = now;
            } else if (now - lastBusy >= idleNanos) {
                watching.set(false);
                // Work that started meanwhile saw the flag still set and started no thread: go on for it.
                if (inFlight.isEmpty() || !watching.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    private static void stop(Watch watch) {
        try {
            watch.beforeStop.run();
        } catch (RuntimeException e) {
            // What it would have noted is lost; the work is stopped all the same, and the watchdog lives on.
        }
        watch.thread.interrupt();
        watch.state.set(STOPPED);
    }
}
