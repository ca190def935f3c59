package org.broadsheet.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.broadsheet.problem.Progress;

/**
 * A progress bar per counted stage (articles read, pages rendered, files published), on a terminal only,
 * and only once the build has run for a second: a quick rebuild shows none. Drawn by the progressbar
 * library on stderr, one line redrawn in place, so stdout keeps only the summary.
 */
final class TerminalProgress implements Progress {
    private final PrintStream terminal;
    private final long showAfterNanos;
    private final long started = System.nanoTime();
    private String task;
    private long total;
    private long done;
    private ProgressBar bar;

    /** @param showAfterMillis how long a build runs before bars are shown */
    TerminalProgress(PrintStream terminal, long showAfterMillis) {
        this.terminal = terminal;
        this.showAfterNanos = showAfterMillis * 1_000_000L;
    }

    @Override
    public synchronized void started(String task, long total) {
        closeBar();
        this.task = task;
        this.total = total;
        this.done = 0;
    }

    @Override
    public synchronized void advanced(long count) {
        if (task == null || total == 0) {
            return; // nothing to count (no file changed): no empty bar
        }
        done += count;
        if (bar == null && System.nanoTime() - started >= showAfterNanos) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(100).setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public synchronized void ended(String stage, long millis) {
        closeBar();
        task = null;
    }

    private void closeBar() {
        if (bar != null) {
            bar.stepTo(done);
            bar.close();
            bar = null;
        }
    }
}
