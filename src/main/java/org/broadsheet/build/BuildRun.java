package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.cache.ArticleCache;
import org.broadsheet.cache.BuildCache;
import org.broadsheet.cache.CacheCorrupted;
import org.broadsheet.cache.LastBuild;
import org.broadsheet.cache.OutputMemory;
import org.broadsheet.cache.ResidentStores;
import org.broadsheet.cache.SettingsCache;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.content.ContentListing;
import org.broadsheet.content.ContentLoader;
import org.broadsheet.content.ContentScan;
import org.broadsheet.markdown.GuardedMarkdown;
import org.broadsheet.output.BuildLock;
import org.broadsheet.output.OutputGuard;
import org.broadsheet.output.Publisher;
import org.broadsheet.output.StagingArea;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.problem.Progress;
import org.broadsheet.render.PaperTime;
import org.broadsheet.render.Routes;
import org.broadsheet.render.plan.SiteRenderer;
import org.broadsheet.render.TemplateEngine;
import org.broadsheet.render.feed.FeedFactory;
import org.broadsheet.render.Theme;
import org.broadsheet.render.ViewFactory;

/**
 * One build of one site, run by a {@link BuildSession}: config → content → archive → render → publish. Every
 * problem of every stage is collected; nothing is published unless the whole site rendered (or
 * {@code --keep-going} was asked for, in which case failing articles are left out). The output folder is only
 * touched in the final publish step. Single-use: it keeps this build's stage timings and notes.
 */
final class BuildRun {
    private static final String STATE_DIR = BuildSession.STATE_DIR;

    private final BuildOptions options;
    private final ForkJoinPool pool;
    private final MarkdownSource markdownSource;
    private final ListingSource listings;
    private final Progress progress;
    private final Map<String, Long> stageMillis = new LinkedHashMap<>();
    private long stageStart;
    private int cachedArticles;
    /** Why this build could not use the cache, when it could not; empty otherwise. */
    private String cacheNote = "";
    /** The publisher once the build has one; read by another thread when the build is stopped. */
    private volatile Publisher publisher;
    private volatile boolean published;
    /** Whether a warning depends on the real time, which an up-to-date build must not replay as still true. */
    private boolean warnedAsOfNow;
    /** What the session's last build left of the build cache; null when the session builds only once. */
    private ResidentStores kept;
    private final boolean soleWriter;
    /** Asked while rendering and before publishing whether a newer change makes this build's output stale. */
    private final BooleanSupplier superseded;
    /** The Markdown engine this build rendered with, once it has one. */
    private GuardedMarkdown markdown;
    /** Told of this build's model once it is about to render, for the session's previews. */
    private final Consumer<IssuePreview.Basis> modelReady;
    /**
     * What this build leaves for the session's next one: null while the build cache is not opened (then what
     * was kept is left as it was), NONE once it is, until it has published.
     */
    private ResidentStores handedOn;

    /** The session's Markdown engine for the settings a build's site.yml asks for. */
    @FunctionalInterface
    interface MarkdownSource {
        GuardedMarkdown forSettings(SiteConfig.Markdown settings);
    }

    /** What content/ holds: listed afresh, or known to the session from its last listing and a watcher. */
    @FunctionalInterface
    interface ListingSource {
        ContentListing listing(ContentLoader loader, Problems problems);
    }

    /**
     * @param kept       what the session's last build left of the build cache, taken over by this build; null
     *                   when the session builds only once
     * @param soleWriter whether only the session writes into its output folder (see {@link ResidentStores})
     * @param superseded whether a newer change came in, which stops the build before it publishes
     * @param modelReady told of the model as soon as it is complete and about to be rendered: from then on the
     *                   session's previews start from it, and the model they started from before can go
     */
    BuildRun(BuildOptions options, ForkJoinPool pool, MarkdownSource markdownSource, ListingSource listings,
            Progress progress, ResidentStores kept, boolean soleWriter, BooleanSupplier superseded,
            Consumer<IssuePreview.Basis> modelReady) {
        this.superseded = superseded;
        this.modelReady = modelReady;
        this.progress = progress;
        this.options = options;
        this.pool = pool;
        this.markdownSource = markdownSource;
        this.listings = listings;
        this.kept = kept;
        this.soleWriter = soleWriter;
    }

    /** What this build leaves of the build cache for the session's next one, once it is over. */
    ResidentStores handedOn() {
        return handedOn != null ? handedOn : kept;
    }

    BuildResult run() throws IOException {
        Path site = options.site().toAbsolutePath().normalize();
        Path output = options.outputDir().toAbsolutePath().normalize();
        Optional<String> refusal = OutputGuard.refusal(site, output, options.adoptOutput());
        if (refusal.isPresent()) {
            return stopped(BuildResult.Outcome.OUTPUT_REFUSED, List.of(Problem.error(output, 0, 0, refusal.get(),
                    "choose another --output, or pass --force to publish into this folder anyway")));
        }
        Optional<BuildLock> lock = BuildLock.tryAcquire(site.resolve(STATE_DIR));
        if (lock.isEmpty()) {
            return stopped(BuildResult.Outcome.LOCKED, List.of(Problem.error(Path.of(STATE_DIR, "lock"), 0, 0,
                    "another build of this site is running", "wait for it to finish")));
        }
        try (BuildLock held = lock.get()) {
            try {
                return build(site, output, pool, options.useCache());
            } catch (CacheCorrupted e) {
                // Not the user's problem: forget the cache and build from the sources alone.
                kept = kept == null ? null : ResidentStores.NONE; // closed with the failed attempt's cache
                handedOn = kept;
                BuildCache.forget(cacheDir(site), output);
                stageMillis.clear();
                cacheNote = "the build cache was damaged (" + e.getMessage() + "); rebuilt without it";
                return build(site, output, pool, false);
            }
        }
    }

    /**
     * How far publishing has come, when it is under way: what to tell the user if the process is stopped now
     * (the journal lets the next build finish). Safe to call from any thread.
     */
    Optional<Publisher.Progress> publishing() {
        Publisher current = publisher;
        return current == null ? Optional.empty() : current.progress();
    }

    /** Whether this build has published its output (it may still be saving its cache). */
    boolean published() {
        return published;
    }

    private static Path cacheDir(Path site) {
        return site.resolve(STATE_DIR).resolve("cache");
    }

    private BuildResult build(Path site, Path output, ForkJoinPool pool, boolean useCache) throws IOException {
        long startMillis = System.currentTimeMillis();
        Problems problems = new Problems();
        Publisher publisher = new Publisher(site.resolve(STATE_DIR), output);
        this.publisher = publisher;
        publisher.recover();
        startStage();

        SiteConfigLoader.Loaded loaded = SiteConfigLoader.load(site);
        problems.addAll(loaded.problems());
        if (loaded.config().isEmpty()) {
            return failed(problems);
        }
        SiteConfig config = loaded.config().get();
        config = options.engine().map(config::withEngine).orElse(config);
        config = options.baseUrl().map(config::withBaseUrl).orElse(config);
        Optional<Theme> theme = Theme.resolve(site, config.theme(), problems);
        endStage("config");

        String buildKey = BuildKey.of(config);
        try (BuildCache caches = BuildCache.open(cacheDir(site), output, buildKey, !useCache, kept)) {
            handedOn = kept == null ? null : ResidentStores.NONE; // the cache owns what was kept from here on
            Optional<LastBuild.Summary> last = caches.lastBuild();
            if (last.isEmpty()) {
                caches.startArticles(); // no earlier build to compare with: read the cache alongside the listing
            }
            ContentLoader loader = new ContentLoader(site, pool, options.listingOrder());
            Problems listingProblems = new Problems();
            ContentListing listing = listings.listing(loader, listingProblems);
            Optional<InputDigest> inputs = theme.isEmpty() ? Optional.empty()
                    : digest(site, output, buildKey, config, theme.get(), listing);
            if (last.isPresent() && inputs.isPresent() && last.get().inputs().equals(inputs.get().hex())
                    && caches.memory().intact() && publisher.markedAsPublished()) {
                endStage("check");
                handOn(caches);
                return BuildResult.upToDate(last.get(), stageMillis);
            }
            caches.forgetLastBuild(); // from here on the output may change
            caches.startArticles();
            problems.addAll(listingProblems.sorted());
            endStage("list");
            SettingsCache settings = caches.settings(startMillis * 1_000_000L);
            BuildResult result = buildWith(caches, loader, listing, settings, site, output, config, theme,
                    publisher, pool, problems);
            if (result.outcome() == BuildResult.Outcome.PUBLISHED && inputs.isPresent()
                    && inputs.get().settled(startMillis) && result.errorCount() == 0 && !warnedAsOfNow) {
                BuildResult.Stats stats = result.stats();
                try {
                    caches.recordLastBuild(new LastBuild.Summary(inputs.get().hex(), stats.issues(), stats.pages(),
                            stats.articles(), stats.bureaus(), stats.written() + stats.unchanged(), result.problems()));
                } catch (IOException e) {
                    // Published all the same; without the record (removed before rendering) the next build
                    // just does its work.
                }
            }
            if (result.outcome() == BuildResult.Outcome.PUBLISHED
                    || result.outcome() == BuildResult.Outcome.SUPERSEDED) {
                // A superseded build stopped before it changed the output or the render memory's file, and
                // left the article cache saved: its stores are as good as a published build's.
                handOn(caches);
            }
            return result;
        }
    }

    /** Hands this build's stores on to the session's next build, when the session stays up. */
    private void handOn(BuildCache caches) throws IOException {
        if (kept != null) {
            handedOn = caches.keep(soleWriter);
        }
    }

    /** The digest of this build's inputs; empty when one of them cannot be read, so the build does its work. */
    private Optional<InputDigest> digest(Path site, Path output, String buildKey, SiteConfig config, Theme theme,
            ContentListing listing) {
        try {
            return Optional.of(InputDigest.of(site, output, buildKey, options, config, theme, listing));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private BuildResult buildWith(BuildCache caches, ContentLoader loader, ContentListing listing,
            SettingsCache settings, Path site, Path output, SiteConfig config, Optional<Theme> theme,
            Publisher publisher, ForkJoinPool pool, Problems problems) throws IOException {
        Routes routes = new Routes(config.baseUrl());
        LinkCheck links = new LinkCheck(listing, routes);
        Archive archive = readArchive(loader, listing, settings, config, caches, links, pool, problems);
        OutputMemory memory = caches.memory();
        PaperTime time = new PaperTime(config.timeZone());
        // Only this warning reads the real time; what is rendered depends on the inputs and --clock alone.
        List<Problem> future = FutureIssues.of(archive, time, options.clock().orElseGet(Instant::now));
        problems.addAll(future);
        warnedAsOfNow = options.clock().isEmpty() && !future.isEmpty();

        if (theme.isEmpty() || mustStop(problems)) {
            return failed(problems);
        }
        if (superseded.getAsBoolean()) {
            return superseded(problems);
        }
        StagingArea staging = publisher.freshStaging();
        Instant now = options.clock().orElse(FeedFactory.endOfLatestIssueDay(archive, time));
        TemplateEngine templates = new TemplateEngine(site, theme.get());
        // Before rendering, not after publishing: two models of a large archive at once crowd the heap.
        BodyReader bodies = caches.articles().bodies();
        modelReady.accept(new IssuePreview.Basis(options, config, templates, routes, markdown, archive, bodies));
        SiteRenderer renderer = new SiteRenderer(archive, new ViewFactory(archive, config, routes, bodies), templates,
                routes, pool, config, new FeedFactory(archive, config, routes, now, bodies), memory);
        int rendered;
        try {
            rendered = renderer.render(site, theme.get(), staging, problems, progress, superseded);
        } catch (SiteRenderer.Stopped stopped) {
            publisher.discard(staging);
            return superseded(problems);
        } catch (RuntimeException e) {
            publisher.discard(staging);
            throw e;
        }
        links.checkPublished(staging::claims, problems);
        endStage("render");
        if (problems.hasErrors() && !(options.keepGoing() && onlyArticleErrors(problems))
                || options.strict() && problems.warningCount() > 0) {
            publisher.discard(staging);
            return failed(problems);
        }

        if (superseded.getAsBoolean()) {
            publisher.discard(staging);
            return superseded(problems);
        }
        staging.finish();
        if (!staging.stagedNames().isEmpty()) {
            memory.forgetOnDisk(); // files are about to change: see OutputMemory.forgetOnDisk
        }
        progress.started("files published", staging.stagedNames().size());
        Publisher.Stats published = publisher.publish(staging);
        progress.advanced(staging.stagedNames().size());
        this.published = true;
        try {
            memory.save();
        } catch (IOException e) {
            // The site is published; only the next build's shortcut is lost (the memory on disk was removed
            // before publishing changed anything), so this is no reason to fail.
            cacheNote = "the render memory could not be saved (" + e.getMessage() + "); the next build renders "
                    + "every page";
        }
        endStage("publish");
        int pages = archive.issues().stream().mapToInt(issue -> issue.pages().size()).sum();
        return new BuildResult(BuildResult.Outcome.PUBLISHED, problems.sorted(), new BuildResult.Stats(
                archive.issues().size(), pages, archive.readingOrder().size(), archive.bureaus().size(), rendered,
                renderer.kept(), published.written(),
                published.unchanged(), published.removed(), cachedArticles, cacheNote), stageMillis,
                published.changed());
    }

    /**
     * Reads content/ and assembles the model. A method of its own so that the sources (every article's
     * Markdown) become garbage once the archive holds the rendered bodies, before rendering starts.
     */
    private Archive readArchive(ContentLoader loader, ContentListing listing, SettingsCache settings,
            SiteConfig config, BuildCache caches, LinkCheck links, ForkJoinPool pool, Problems problems)
            throws IOException {
        long now = System.currentTimeMillis() * 1_000_000L;
        ContentScan scan = loader.scan(listing, settings, problems);
        settings.save();
        endStage("scan");
        ArticleCache cache = caches.articles();
        if (!cache.coldReason().isEmpty() && cacheNote.isEmpty()) {
            cacheNote = cache.coldReason();
        }
        endStage("cache");
        markdown = markdownSource.forSettings(config.markdown());
        List<ArticleStage.Prepared> prepared = new ArticleStage(loader, markdown, links, cache, pool,
                options.drafts(), now).prepare(scan.articles(), problems, progress);
        cache.save();
        cachedArticles = cache.hits();
        endStage("articles");
        Gazetteer gazetteer = Gazetteer.of(config.bureaus());
        Archive archive = new ArchiveAssembler(markdown, links, gazetteer, options.drafts())
                .assemble(scan, prepared, problems);
        if (archive.latestIssue().isEmpty()) {
            problems.add(Problem.error(ContentLayout.ROOT, 0, 0, "the site has no published articles",
                    "add content/YYYY/MM/DD/NN/01.md (see README: Content layout)"));
        }
        endStage("archive");
        return archive;
    }

    /** Whether the problems so far stop the build before rendering. */
    private boolean mustStop(Problems problems) {
        if (options.strict() && problems.warningCount() > 0) {
            return true;
        }
        return problems.hasErrors() && !(options.keepGoing() && onlyArticleErrors(problems));
    }

    /** Under --keep-going, errors confined to articles leave those articles out; any other error still stops. */
    private static boolean onlyArticleErrors(Problems problems) {
        return problems.sorted().stream().filter(Problem::isError)
                .allMatch(p -> ContentLayout.isMarkdownSource(p.file()));
    }

    private BuildResult failed(Problems problems) {
        return stopped(BuildResult.Outcome.FAILED, problems.sorted());
    }

    private BuildResult superseded(Problems problems) {
        return stopped(BuildResult.Outcome.SUPERSEDED, problems.sorted());
    }

    /** The result of a build that published nothing. */
    private BuildResult stopped(BuildResult.Outcome outcome, List<Problem> problems) {
        return new BuildResult(outcome, problems, BuildResult.Stats.NONE, stageMillis, List.of());
    }

    private void startStage() {
        stageStart = System.nanoTime();
    }

    private void endStage(String name) {
        long now = System.nanoTime();
        stageMillis.put(name, (now - stageStart) / 1_000_000);
        progress.ended(name, (now - stageStart) / 1_000_000);
        stageStart = now;
    }
}
