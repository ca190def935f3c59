package org.broadsheet.render;

import freemarker.core.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each page's template a time limit. The page renders on the caller's thread (handing every page to
 * another thread would cost a context switch per page) and is entered in a table of running templates; a
 * patrol thread looks at the table a few times per limit and interrupts a template past its time, after
 * noting where in the templates it was, and the interruption checks of {@link StoppableConfiguration} stop it
 * there. A page costs a table entry added and removed: no timer to schedule and cancel, no thread woken.
 *
 * <p>One instance per template engine; its patrol thread runs only while pages are rendered, and ends after
 * a second without any.
 */
final class TemplateWatchdog {
    private static final long IDLE_NANOS = 1_000_000_000L;

    private final Duration limit;
    private final long patrolMillis;
    private final Map<Thread, Watch> running = new ConcurrentHashMap<>();
    private final AtomicBoolean patrolling = new AtomicBoolean();

    TemplateWatchdog(Duration limit) {
        this.limit = limit;
        this.patrolMillis = Math.max(1, Math.min(100, limit.toMillis() / 4));
    }

    /** Starts timing one page's template, run by the current thread in {@code env}. */
    Watch watch(Environment env) {
        Watch watch = new Watch(Thread.currentThread(), env, System.nanoTime() + limit.toNanos());
        running.put(watch.renderer, watch);
        if (!patrolling.get() && patrolling.compareAndSet(false, true)) {
            Thread patrol = new Thread(this::patrol, "broadsheet-template-watchdog");
            patrol.setDaemon(true);
            patrol.start();
        }
        return watch;
    }

    private void patrol() {
        long idleSince = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(patrolMillis);
            } catch (InterruptedException e) {
                patrolling.set(false);
                return;
            }
            long now = System.nanoTime();
            for (Watch watch : running.values()) {
                if (now - watch.deadline > 0) {
                    watch.expire();
                }
            }
            if (!running.isEmpty()) {
                idleSince = now;
            } else if (now - idleSince > IDLE_NANOS) {
                patrolling.set(false);
                // A page that started just now saw the flag still set: patrol on for it.
                if (running.isEmpty() || !patrolling.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /** One page's timing. */
    final class Watch {
        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int EXPIRED = 2;

        private final Thread renderer;
        private final Environment env;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile String where = "";

        private Watch(Thread renderer, Environment env, long deadline) {
            this.renderer = renderer;
            this.env = env;
            this.deadline = deadline;
        }

        /** On the patrol thread: notes where the template is, then stops it, unless it finished meanwhile. */
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
         * the patrol caused, so that it does not stop the thread's next page.
         */
        boolean finish() {
            running.remove(renderer, this);
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
     * FreeMarker's stack of the instructions {@code env} is running, innermost first. Read from another thread
     * while the template runs on, it may be a moment out of date: it only says where to look.
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
