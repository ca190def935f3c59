package org.broadsheet.render;

import freemarker.core.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each page's template a time limit. The page renders on the caller's thread (handing every page to
 * another thread would cost a context switch per page); a timer thread interrupts the caller when the limit
 * passes, after noting where in the templates it was, and the interruption checks of
 * {@link StoppableConfiguration} stop the template there.
 *
 * <p>One instance per template engine; its timer thread ends by itself after a second without pages.
 */
final class TemplateWatchdog {
    private final Duration limit;
    private final ScheduledThreadPoolExecutor timer;

    TemplateWatchdog(Duration limit) {
        this.limit = limit;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "broadsheet-template-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a finished page's timeout leaves the queue at once
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** Starts timing one page's template, run by the current thread in {@code env}. */
    Watch watch(Environment env) {
        Watch watch = new Watch(Thread.currentThread(), env);
        watch.timeout = timer.schedule(watch::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        return watch;
    }

    Duration limit() {
        return limit;
    }

    /** One page's timing. */
    static final class Watch {
        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int EXPIRED = 2;

        private final Thread renderer;
        private final Environment env;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile ScheduledFuture<?> timeout;
        private volatile String where = "";

        private Watch(Thread renderer, Environment env) {
            this.renderer = renderer;
            this.env = env;
        }

        /** On the timer thread: notes where the template is, then stops it, unless it finished meanwhile. */
        private void expire() {
            synchronized (this) {
                if (state.get() != RUNNING) {
                    return;
                }
                where = instructionStack(env);
                state.set(EXPIRED);
                renderer.interrupt();
            }
        }

        /**
         * Ends the timing, on the rendering thread; true when the limit had passed. Clears the interruption
         * the timer caused, so that it does not stop the thread's next page.
         */
        boolean finish() {
            ScheduledFuture<?> pending = timeout;
            if (pending != null) {
                pending.cancel(false);
            }
            synchronized (this) {
                if (state.compareAndSet(RUNNING, FINISHED)) {
                    return false;
                }
            }
            Thread.interrupted();
            return true;
        }

        /** FreeMarker's description of the instructions the template was running when time ran out. */
        String where() {
            return where;
        }
    }

    /**
     * FreeMarker's stack of the instructions {@code env} is running, innermost first. Read from the timer
     * thread while the template runs on, it may be a moment out of date: it only says where to look.
     */
    static String instructionStack(Environment env) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            env.outputInstructionStack(out);
        } catch (RuntimeException e) {
            return "";
        }
        return text.toString();
    }
}
