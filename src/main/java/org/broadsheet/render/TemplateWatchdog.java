package org.broadsheet.render;

import freemarker.core.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.broadsheet.io.DeadlineWatchdog;

/**
 * Gives each page's template a time limit: the page renders on the caller's thread (handing every page to
 * another thread would cost a context switch per page) under a {@link DeadlineWatchdog}, which, past the limit,
 * notes where in the templates the page was and interrupts it; the interruption checks of
 * {@link StoppableConfiguration} stop it there.
 *
 * <p>One instance per template engine; its watchdog's thread runs only while pages are rendered, and ends after
 * a second without any.
 */
final class TemplateWatchdog {
    private final DeadlineWatchdog deadlines;

    TemplateWatchdog(Duration limit) {
        deadlines = new DeadlineWatchdog(limit, Duration.ofMillis(Math.min(100, limit.toMillis() / 4)),
                Duration.ofSeconds(1), "broadsheet-template-watchdog");
    }

    /** Starts timing one page's template, run by the current thread in {@code env}. */
    Watch watch(Environment env) {
        return new Watch(env);
    }

    /** One page's timing. */
    final class Watch {
        private final DeadlineWatchdog.Watch watch;
        private volatile String where = "";

        private Watch(Environment env) {
            watch = deadlines.start(() -> where = instructionStack(env));
        }

        /**
         * Ends the timing, on the rendering thread; true when the limit had passed. Clears the interruption
         * the watchdog caused, so that it does not stop the thread's next page.
         */
        boolean finish() {
            return deadlines.finish(watch);
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
