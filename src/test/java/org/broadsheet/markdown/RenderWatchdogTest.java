package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The watchdog interrupts a render past its deadline, and only that render. */
class RenderWatchdogTest {
    private static final Duration DEADLINE = Duration.ofMillis(50);

    private static RenderWatchdog watchdog() {
        return new RenderWatchdog(DEADLINE, Duration.ofMillis(100), "test-watchdog");
    }

    /** Spins as a busy render does until its thread is interrupted; false if that took over 10 s. */
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
    void aRenderPastItsDeadlineIsInterruptedAndTheInterruptClearedWhenItFinishes() {
        RenderWatchdog watchdog = watchdog();
        long start = System.nanoTime();
        RenderWatchdog.Watch watch = watchdog.start();
        assertThat(spinUntilInterrupted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE);
        assertThat(watchdog.finish(watch)).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aRenderFinishedInTimeIsNeverInterruptedWhileAnotherIsStopped() throws InterruptedException {
        RenderWatchdog watchdog = watchdog();
        RenderWatchdog.Watch watch = watchdog.start();
        assertThat(watchdog.finish(watch)).isFalse();
        AtomicBoolean otherStopped = new AtomicBoolean();
        Thread other = new Thread(() -> {
            RenderWatchdog.Watch slow = watchdog.start();
            otherStopped.set(spinUntilInterrupted() && watchdog.finish(slow));
        });
        other.start();
        other.join(20_000); // throws if the watchdog interrupted this thread after all
        assertThat(otherStopped).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void itsThreadEndsWhenIdleAndStartsAgainForTheNextRender() throws InterruptedException {
        RenderWatchdog watchdog = watchdog();
        assertThat(watchdog.isWatching()).isFalse();
        watchdog.finish(watchdog.start());
        assertThat(watchdog.isWatching()).isTrue();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (watchdog.isWatching() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(watchdog.isWatching()).isFalse();

        RenderWatchdog.Watch watch = watchdog.start();
        assertThat(watchdog.isWatching()).isTrue();
        assertThat(spinUntilInterrupted()).isTrue();
        assertThat(watchdog.finish(watch)).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
