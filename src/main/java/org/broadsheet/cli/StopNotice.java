package org.broadsheet.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.broadsheet.build.BuildSession;
import org.broadsheet.output.Publisher;

/**
 * What a build says when it is stopped (Ctrl-C, a CI job's timeout): whether the published site was left as
 * it was or half published, and that the next build finishes a half-done publish. A JVM shutdown hook,
 * registered while the build runs.
 */
final class StopNotice implements AutoCloseable {
    private final Thread hook;

    private StopNotice(Thread hook) {
        this.hook = hook;
    }

    static StopNotice whileRunning(BuildSession session, PrintWriter err) {
        Thread hook = new Thread(() -> {
            err.println(text(session.published(), session.publishing()));
            err.flush();
        }, "broadsheet-stop-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopNotice(hook);
    }

    /**
     * @param published  whether the build had published (it may have been saving its cache)
     * @param publishing how far the publish under way had come, when one was
     */
    static String text(boolean published, Optional<Publisher.Progress> publishing) {
        if (published) {
            return "broadsheet: stopped after publishing; the site is published";
        }
        if (publishing.isEmpty()) {
            return "broadsheet: stopped before publishing; the published site was not changed";
        }
        Publisher.Progress progress = publishing.get();
        return "broadsheet: stopped while publishing into " + progress.output() + ": " + progress.replaced() + " of "
                + progress.planned() + " changed files were replaced, each one whole; the next build finishes the "
                + "publish";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is about to say its piece.
        }
    }
}
