package org.broadsheet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The watchdog interrupts work past its deadline, and only that work. */
class DeadlineWatchdogTest {
    private static final Duration DEADLINE = Duration.ofMillis(50);

    private static DeadlineWatchdog watchdog() {
        return new DeadlineWatchdog(DEADLINE, Duration.ofMillis(6), Duration.ofMillis(100), "test-watchdog");
    }

    /** Spins as busy work does until its thread is interrupted; false if that took over 10 s. */
    private static boolean spinUntilInterrupted() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Thread.currentThread().isInterrupted()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void workPastItsDeadlineIsInterruptedAndTheInterruptClearedWhenItFinishes() {
        DeadlineWatchdog watchdog = watchdog();
        long start = System.nanoTime();
        DeadlineWatchdog.Watch watch = watchdog.start();
        assertThat(spinUntilInterrupted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE);
        assertThat(watchdog.finish(watch)).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void workFinishedInTimeIsNeverInterruptedWhileAnotherIsStopped() throws InterruptedException {
        DeadlineWatchdog watchdog = watchdog();
        DeadlineWatchdog.Watch watch = watchdog.start();
        assertThat(watchdog.finish(watch)).isFalse();
        AtomicBoolean otherStopped = new AtomicBoolean();
        Thread other = new Thread(() -> {
            DeadlineWatchdog.Watch slow = watchdog.start();
            otherStopped.set(spinUntilInterrupted() && watchdog.finish(slow));
        });
        other.start();
        other.join(20_000); // throws if the watchdog interrupted this thread after all
        assertThat(otherStopped).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void itsThreadEndsWhenIdleAndStartsAgainForTheNextWork() throws InterruptedException {
        DeadlineWatchdog watchdog = watchdog();
        assertThat(watchdog.isWatching()).isFalse();
        watchdog.finish(watchdog.start());
        assertThat(watchdog.isWatching()).isTrue();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watchdog.isWatching() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(watchdog.isWatching()).isFalse();

        DeadlineWatchdog.Watch watch = watchdog.start();
        assertThat(watchdog.isWatching()).isTrue();
        assertThat(spinUntilInterrupted()).isTrue();
        assertThat(watchdog.finish(watch)).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void whatRunsBeforeTheStopIsSeenByTheCallerAndAFailureThereStopsNothingElse() {
        DeadlineWatchdog watchdog = watchdog();
        String[] where = {""};
        DeadlineWatchdog.Watch watch = watchdog.start(() -> where[0] = "line 3");
        assertThat(spinUntilInterrupted()).isTrue();
        assertThat(watchdog.finish(watch)).isTrue();
        assertThat(where[0]).isEqualTo("line 3");

        DeadlineWatchdog.Watch failing = watchdog.start(() -> {
            throw new IllegalStateException("no stack to read");
        });
        assertThat(spinUntilInterrupted()).isTrue();
        assertThat(watchdog.finish(failing)).isTrue();
        // The watchdog's thread lived on through the failure: the next work is stopped too.
        DeadlineWatchdog.Watch next = watchdog.start();
        assertThat(spinUntilInterrupted()).isTrue();
        assertThat(watchdog.finish(next)).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
