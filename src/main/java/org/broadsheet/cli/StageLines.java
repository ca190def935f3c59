package org.broadsheet.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.broadsheet.problem.Progress;

/**
 * Progress where there is no terminal (a CI log, a file): one plain line per counted stage as it ends,
 * e.g. {@code   articles read: 48 (0.2 s)}, with no control characters.
 */
final class StageLines implements Progress {
    private final PrintWriter out;
    private final AtomicLong done = new AtomicLong();
    private volatile String task;

    StageLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(String task, long total) {
        this.task = task;
        done.set(0);
    }

    @Override
    public void advanced(long count) {
        done.addAndGet(count);
    }

    @Override
    public synchronized void ended(String stage, long millis) {
        String counted = task;
        if (counted != null) {
            out.printf("  %s: %d (%.1f s)%n", counted, done.get(), millis / 1000.0);
            out.flush();
            task = null;
        }
    }
}
