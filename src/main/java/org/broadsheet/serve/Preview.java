package org.broadsheet.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.broadsheet.build.InputChanges;
import org.broadsheet.build.PreviewPages;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Progress;

/**
 * {@code broadsheet serve}: one build session kept open, its output served, rebuilt whenever the watcher
 * reports a change, each outcome announced to open tabs. A build that fails leaves the last good site served
 * under an error panel, and the next change builds again, so the preview recovers by itself once the file
 * is fixed.
 */
public final class Preview implements AutoCloseable {
    /** Told of every build, for the terminal. */
    public interface Listener {
        void built(BuildResult result, long millis);

        /** Told of every preview shown: the pages whose served bytes it changed, and how long it took. */
        default void previewed(List<String> changed, long millis) {
        }
    }

    private static final int LOCKED_TRIES = 60;
    private static final long LOCKED_WAIT_MILLIS = 500;
    /** How many builds in a row a newer change may stop before one is let publish. */
    static final int MOST_SUPERSEDED = 3;
    /**
     * How long into a build a newer change may stop it: long enough for an edit's build at archive scale to be
     * stopped early, short enough that a build after a template edit, which renders every story, is not thrown
     * away late.
     */
    static final long STOPPABLE_MILLIS = 2_000;

    private final BuildSession session;
    private final BuildOptions options;
    private final SiteServer server;
    private final SiteWatcher watcher;
    private final Listener listener;

    private Preview(BuildSession session, BuildOptions options, SiteServer server, SiteWatcher watcher,
            Listener listener) {
        this.session = session;
        this.options = options;
        this.server = server;
        this.watcher = watcher;
        this.listener = listener;
    }

    /**
     * Binds the server and starts watching (so that nothing saved during the first build is missed); the
     * site is built by {@link #run}. The options' base URL becomes the server's address.
     */
    public static Preview open(BuildSession session, BuildOptions options, InetSocketAddress address,
            Listener listener) throws IOException {
        SiteServer server = SiteServer.start(address, options.site(), options.outputDir());
        try {
            SiteWatcher watcher = new SiteWatcher(options.site());
            BuildOptions served = options.withBaseUrl(url(address.getHostString(), server.port()));
            return new Preview(session, served, server, watcher, listener);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** {@code http://HOST:PORT/}, with an IPv6 address in brackets. */
    static URI url(String host, int port) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port + "/");
    }

    /** The address tabs open. */
    public URI url() {
        return options.baseUrl().orElseThrow();
    }

    public int port() {
        return server.port();
    }

    /** How many open tabs listen for reloads. */
    public int listeners() {
        return server.listeners();
    }

    /** The options every build of this preview runs with. */
    public BuildOptions options() {
        return options;
    }

    /** Builds once; what the first build does decides whether {@link #run} is worth starting. */
    public BuildResult buildFirst() {
        return buildAndAnnounce(InputChanges.UNKNOWN, () -> false);
    }

    /**
     * Rebuilds after every batch of changes until the preview is closed or the thread interrupted. This thread
     * watches and shows each edit's preview at once; a builder thread of its own builds, and stops a build that
     * a newer change makes stale in its first {@value #STOPPABLE_MILLIS} ms (at most {@value #MOST_SUPERSEDED}
     * times in a row, so that a file saved every second still gets whole builds); a build that may no longer
     * stop pauses between its outputs while a preview is made.
     */
    public void run() {
        BuildRequests requests = new BuildRequests();
        Thread builder = new Thread(() -> buildWhenAsked(requests), "broadsheet-builder");
        builder.setDaemon(true);
        builder.start();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                SiteWatcher.Batch batch = watcher.next();
                InputChanges changes = batch.unknown() ? InputChanges.UNKNOWN : InputChanges.of(batch.changed());
                if (batch.worthABuild() && !batch.unknown()) {
                    requests.previewing();
                    try {
                        showPreview(changes);
                    } finally {
                        requests.previewed(changes);
                    }
                } else {
                    requests.add(changes, batch.worthABuild());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: the preview is over
        } finally {
            requests.close();
            try {
                builder.join(); // the build under way finishes: its publish is never cut short
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void buildWhenAsked(BuildRequests requests) {
        int supersededInARow = 0;
        try {
            for (Optional<InputChanges> changes = requests.take(); changes.isPresent(); changes = requests.take()) {
                boolean mayStop = supersededInARow < MOST_SUPERSEDED;
                long stopBefore = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOPPABLE_MILLIS);
                BuildResult result = buildAndAnnounce(changes.get(), () -> {
                    requests.pauseWhilePreviewing(); // asked between outputs: a preview never waits for many
                    return mayStop && requests.waiting() && System.nanoTime() < stopBefore;
                });
                supersededInARow = result.outcome() == BuildResult.Outcome.SUPERSEDED ? supersededInARow + 1 : 0;
            }
        } catch (InterruptedException e) {
            // the preview is over
        }
    }

    /**
     * Builds and tells the server and the listener, unless a newer change superseded the build; the previews
     * shown before the build began are then in the published site, and the server serves its files instead.
     */
    private BuildResult buildAndAnnounce(InputChanges changes, BooleanSupplier superseded) {
        long start = System.nanoTime();
        long previewsBefore = server.previewsShown();
        BuildResult result;
        try {
            result = session.build(options, changes, Progress.NONE, superseded);
            for (int tries = 0; result.outcome() == BuildResult.Outcome.LOCKED && tries < LOCKED_TRIES; tries++) {
                Thread.sleep(LOCKED_WAIT_MILLIS); // a `broadsheet build` of the same site is running: wait for it
                // The session keeps the changes.
                result = session.build(options, InputChanges.of(List.of()), Progress.NONE, superseded);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = stopped(e);
        } catch (IOException | RuntimeException e) {
            // A file vanished or changed mid-build, or a bug: the preview stays up and the next save rebuilds.
            result = stopped(e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.outcome() == BuildResult.Outcome.SUPERSEDED) {
            return result; // a newer change waits: the build for it announces what changed
        }
        boolean published = result.outcome() == BuildResult.Outcome.PUBLISHED;
        server.announce(!published, result.problems(), result.changedFiles(), previewsBefore);
        listener.built(result, millis);
        return result;
    }

    /**
     * Shows the pages of the issues that edited stories belong to at once, ahead of the whole build (see {@code
     * BuildSession#preview}); editors' droppings among the changes do not stand in its way.
     */
    private void showPreview(InputChanges changes) {
        List<Path> edited = changes.paths().stream()
                .filter(path -> !EditorFiles.ignored(path.getFileName().toString())).toList();
        long start = System.nanoTime();
        Optional<PreviewPages> pages = session.preview(options, InputChanges.of(edited));
        if (pages.isPresent()) {
            try {
                List<String> changed = server.preview(pages.get());
                listener.previewed(changed, (System.nanoTime() - start) / 1_000_000);
            } catch (IOException e) {
                // The published file could not be compared: the build that follows shows the edit.
            }
        }
    }

    private BuildResult stopped(Exception e) {
        return new BuildResult(BuildResult.Outcome.FAILED, List.of(Problem.error(options.site(), 0, 0,
                "the build stopped: " + e, "save a file to build again")), BuildResult.Stats.NONE, Map.of(),
                List.of());
    }

    @Override
    public void close() throws IOException {
        try {
            watcher.close();
        } finally {
            server.close();
        }
    }
}
