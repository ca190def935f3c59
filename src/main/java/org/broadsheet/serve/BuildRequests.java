package org.broadsheet.serve;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.broadsheet.build.InputChanges;

/**
 * The changes waiting for serve's builder: gathered by the watcher's thread, taken by the builder's, which
 * builds once a change worth a build has come in. Editors' droppings wait for the next real change, so that what
 * the session knows of content/ stays exact. While a build runs, {@link #waiting} tells it that a newer change
 * came in.
 */
final class BuildRequests {
    private final Set<Path> paths = new HashSet<>();
    private boolean unknown;
    private boolean wanted;
    /** Whether a preview is being made: the build under way may stop, and the next one waits for it. */
    private boolean previewing;
    private boolean closed;

    /** Adds a batch of changes; {@code worthABuild}: whether it holds a real input's change. */
    synchronized void add(InputChanges changes, boolean worthABuild) {
        unknown |= changes.unknown();
        paths.addAll(changes.paths());
        wanted |= worthABuild;
        notifyAll();
    }

    /** Waits for a change worth a build and takes every change so far; empty once {@link #close}d. */
    synchronized Optional<InputChanges> take() throws InterruptedException {
        while ((!wanted || previewing) && !closed) {
            wait();
        }
        if (closed) {
            return Optional.empty();
        }
        InputChanges taken = unknown ? InputChanges.UNKNOWN : InputChanges.of(paths);
        paths.clear();
        unknown = false;
        wanted = false;
        return Optional.of(taken);
    }

    /** Whether a change worth a build came in since the last {@link #take}, or a preview of one is being made. */
    synchronized boolean waiting() {
        return wanted || previewing;
    }

    /**
     * Says that a preview of a change is being made: meanwhile the build under way is asked to stop (or, past
     * the point where it may, pauses at {@link #pauseWhilePreviewing}) and the next one waits, so that the
     * preview has the processors to itself.
     */
    synchronized void previewing() {
        previewing = true;
        notifyAll();
    }

    /** The preview is made: adds the change it showed, for the build that publishes it. */
    synchronized void previewed(InputChanges changes) {
        previewing = false;
        add(changes, true);
    }

    /** Waits while a preview is being made: a build that may no longer stop calls it between its outputs. */
    synchronized void pauseWhilePreviewing() {
        try {
            while (previewing && !closed) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the build finds out when it next waits
        }
    }

    /** Wakes the builder for good: the preview is over. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
