package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import org.broadsheet.cache.ResidentStores;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.content.ContentListing;
import org.broadsheet.content.ContentLoader;
import org.broadsheet.markdown.GuardedMarkdown;
import org.broadsheet.markdown.MarkdownEngines;
import org.broadsheet.output.Publisher;
import org.broadsheet.problem.Problems;
import org.broadsheet.problem.Progress;

/**
 * A site opened for building, for as long as its user needs it: {@code broadsheet build} opens one and builds
 * once; a process that stays up ({@code serve}, {@code bench/WarmBuilds}) keeps one and builds again after
 * each change. It owns what every build needs and is worth building once: the worker pool and the guarded
 * Markdown engines (each with its own large-stack workers). Whatever was edited in between, a build through a
 * session publishes byte for byte what a one-shot build of the same files publishes ({@code
 * BuildSessionTest}): what a build learns from the files lives in the build cache on disk, which every build
 * checks against the files.
 *
 * <p>Builds through one session run one at a time. Close the session to stop its threads.
 */
public final class BuildSession implements AutoCloseable {
    /** Broadsheet's state folder inside the site: lock, staging area, journal, build cache. */
    public static final String STATE_DIR = ".broadsheet";

    private final Path site;
    private final ForkJoinPool pool;
    private final Map<SiteConfig.Markdown, GuardedMarkdown> engines = new ConcurrentHashMap<>();
    /** The build under way, if any; read by other threads to tell how far it got when the process stops. */
    private volatile BuildRun current;
    /** content/ as the last build listed it; null before the first. */
    private ContentListing listed;
    /** The changes reported since {@link #listed} was made, which the next listing must look at again. */
    private final Set<Path> unlisted = new HashSet<>();
    /** Whether a change since {@link #listed} may have gone unreported, so the next build lists everything. */
    private boolean unlistedUnknown = true;
    /** Whether the session stays up for many builds and keeps the build cache in memory between them. */
    private final boolean resident;
    /** Whether nothing but this session writes into the output folders it builds (see {@link #openResident}). */
    private final boolean soleWriter;
    /** What the last build left of the build cache, for a resident session. */
    private ResidentStores stores = ResidentStores.NONE;
    /**
     * The model of the last build that came to render, with the issues of the previews since taken in; null
     * before a build has, and in a session that is not resident.
     */
    private IssuePreview.Basis previewBasis;
    /** Guards {@link #previewBasis}: a preview is made while a build runs, so not under the session's lock. */
    private final Object previewLock = new Object();
    /**
     * The previews' own workers, made with the first preview: in the build's pool a preview's tasks would queue
     * behind a build's (a search segment takes a worker for a second at archive scale).
     */
    private ForkJoinPool previewPool;

    private BuildSession(Path site, int threads, boolean resident, boolean soleWriter) {
        this.site = site.toAbsolutePath().normalize();
        this.pool = new ForkJoinPool(Math.max(1, threads));
        this.resident = resident;
        this.soleWriter = soleWriter;
    }

    /** Opens the site in {@code site} with {@code threads} worker threads (the output never depends on it). */
    public static BuildSession open(Path site, int threads) {
        return new BuildSession(site, threads, false, false);
    }

    /** Opens the site of {@code options}, with its thread count. */
    public static BuildSession open(BuildOptions options) {
        return open(options.site(), options.threads());
    }

    /**
     * Opens the site of {@code options} for a process that stays up and builds it again and again: the session
     * keeps the article cache and the render memory in memory from one build to the next (as long as their files
     * are the ones it wrote), instead of reading them again for every build.
     *
     * @param soleWriter whether nothing but this session writes into its output folders between its builds,
     *                   as for {@code serve}'s own folder: then the files it published are taken to be as it left
     *                   them, and are not looked at again before each build (a page deleted there by hand comes
     *                   back at the next start, or when it changes)
     */
    public static BuildSession openResident(BuildOptions options, boolean soleWriter) {
        return new BuildSession(options.site(), options.threads(), true, soleWriter);
    }

    /**
     * Builds the site with {@code options} (whose site must be this session's; its thread count is the
     * session's) and publishes it, unless anything stops it.
     */
    public synchronized BuildResult build(BuildOptions options) throws IOException {
        return build(options, InputChanges.UNKNOWN);
    }

    /**
     * Builds as {@link #build(BuildOptions)} does, told what changed since the previous build through this
     * session: then only the changed paths of content/ are looked at again (changes reported to a build that
     * stopped before listing are kept for the next one). The output is the same as with nothing known.
     */
    public synchronized BuildResult build(BuildOptions options, InputChanges changes) throws IOException {
        return build(options, changes, Progress.NONE);
    }

    /** As {@link #build(BuildOptions, InputChanges)}, telling {@code progress} how far it has come. */
    public synchronized BuildResult build(BuildOptions options, InputChanges changes, Progress progress)
            throws IOException {
        return build(options, changes, progress, () -> false);
    }

    /**
     * As {@link #build(BuildOptions, InputChanges, Progress)}, stopping before it publishes, with the outcome
     * {@link BuildResult.Outcome#SUPERSEDED}, once {@code superseded} says that a newer change came in (asked from
     * the build's threads while it renders): a process that stays up then builds again with every change.
     */
    public synchronized BuildResult build(BuildOptions options, InputChanges changes, Progress progress,
            BooleanSupplier superseded) throws IOException {
        if (!options.site().toAbsolutePath().normalize().equals(site)) {
            throw new IllegalArgumentException("this session builds " + site + ", not " + options.site());
        }
        note(changes);
        BuildRun run = new BuildRun(options, pool, this::markdownFor, this::listing, progress,
                resident ? stores : null, soleWriter, superseded, this::startPreviewsFrom);
        current = run;
        try {
            return run.run();
        } finally {
            if (resident) {
                stores = run.handedOn();
            }
        }
    }

    /**
     * Makes the model of the build under way the one previews start from, in a resident session. It is complete
     * (the build checked it) and reads the files as they were when the build listed them; a preview of a later
     * change takes that change's issues into it. Should the build still fail in its templates, the previews made
     * from it fail too and leave the reporting to the next build.
     */
    private void startPreviewsFrom(IssuePreview.Basis basis) {
        if (resident) {
            synchronized (previewLock) {
                previewBasis = basis;
            }
        }
    }

    /**
     * A preview of {@code changes} before the build that publishes them: the pages of the issues that the edited
     * stories belong to, rendered from the model of the last build that came to render, with those issues read
     * again (see {@link IssuePreview}). Nothing is written, and what the session knows of content/ is left for
     * that build. Empty when the changes are not all edits of stories, when the issues they reach do not build
     * without errors, or before a build of this session (opened {@link #openResident resident}) with {@code
     * options} has come to render; the build then says what it found. It may be asked while a build of the
     * session runs, from another thread, and does not wait for it.
     */
    public Optional<PreviewPages> preview(BuildOptions options, InputChanges changes) {
        synchronized (previewLock) {
            if (previewBasis == null || changes.unknown() || !options.equals(previewBasis.options())) {
                return Optional.empty();
            }
            try {
                Optional<IssuePreview.Result> result = IssuePreview.of(previewBasis, site, previewPool(),
                        changes.paths());
                result.ifPresent(made -> previewBasis = previewBasis.with(made.archive()));
                return result.map(IssuePreview.Result::pages);
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // a file vanished mid-read, or worse: the build that follows reports it
            }
        }
    }

    /** Remembers {@code changes} for the next build, as a watcher reports changes not worth a build of their own. */
    public synchronized void note(InputChanges changes) {
        if (changes.unknown()) {
            unlistedUnknown = true;
        } else {
            unlisted.addAll(changes.paths());
        }
    }

    /** content/ now: listed afresh, or the last listing with the reported changes looked at again. */
    private ContentListing listing(ContentLoader loader, Problems problems) {
        ContentListing listing = unlistedUnknown || listed == null ? loader.list(problems)
                : loader.relist(listed, unlisted, problems);
        listed = listing;
        unlisted.clear();
        unlistedUnknown = false;
        return listing;
    }

    private ForkJoinPool previewPool() {
        if (previewPool == null) {
            previewPool = new ForkJoinPool(pool.getParallelism());
        }
        return previewPool;
    }

    /**
     * The Markdown engine for {@code settings}, made on first use: an edit of site.yml's {@code markdown} keys
     * between builds gets its own engine, and going back reuses the first.
     */
    private GuardedMarkdown markdownFor(SiteConfig.Markdown settings) {
        return engines.computeIfAbsent(settings,
                wanted -> new GuardedMarkdown(MarkdownEngines.create(wanted.engine(), wanted.html())));
    }

    /**
     * How far the publish of the build under way has come, if it is publishing: what to tell the user when
     * the process is stopped now. Safe to call from any thread.
     */
    public Optional<Publisher.Progress> publishing() {
        BuildRun run = current;
        return run == null ? Optional.empty() : run.publishing();
    }

    /** Whether the last build has published its output (it may still be saving its cache). */
    public boolean published() {
        BuildRun run = current;
        return run != null && run.published();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        synchronized (previewLock) {
            if (previewPool != null) {
                previewPool.shutdownNow();
            }
        }
        try {
            stores.close();
        } catch (IOException e) {
            // Only a file handle to give back; nothing was being written.
        }
    }
}
