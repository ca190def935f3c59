package org.broadsheet.render.plan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.archive.Archive;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.render.OutputSink;
import org.broadsheet.problem.Problems;
import org.broadsheet.problem.Progress;
import org.broadsheet.render.RenderMemory;
import org.broadsheet.render.Routes;
import org.broadsheet.render.TemplateEngine;
import org.broadsheet.render.Theme;
import org.broadsheet.render.ViewFactory;
import org.broadsheet.render.ViewInputs;
import org.broadsheet.render.feed.FeedFactory;

/**
 * Renders every file of the site into an {@link OutputSink}: the planners declare the outputs, family by
 * family, and the {@link OutputExecutor} produces them in parallel. Each page is rendered, written and
 * forgotten, so memory does not grow with the size of the archive's output.
 */
public final class SiteRenderer {
    private final Archive archive;
    private final ViewFactory views;
    private final RenderMemory memory;
    private final AtomicInteger kept = new AtomicInteger();
    private final TemplateEngine templates;
    private final Routes routes;
    private final ForkJoinPool pool;
    private final SiteConfig config;
    private final FeedFactory feeds;

    public SiteRenderer(Archive archive, ViewFactory views, TemplateEngine templates, Routes routes,
            ForkJoinPool pool, SiteConfig config, FeedFactory feeds) {
        this(archive, views, templates, routes, pool, config, feeds, RenderMemory.none());
    }

    /** @param memory what earlier builds rendered, so that pages whose inputs are unchanged are skipped */
    public SiteRenderer(Archive archive, ViewFactory views, TemplateEngine templates, Routes routes,
            ForkJoinPool pool, SiteConfig config, FeedFactory feeds, RenderMemory memory) {
        this.archive = archive;
        this.views = views;
        this.memory = memory;
        this.templates = templates;
        this.routes = routes;
        this.pool = pool;
        this.config = config;
        this.feeds = feeds;
    }

    /** How many files the render memory showed to be current, so they were not rendered. */
    public int kept() {
        return kept.get();
    }

    /**
     * Thrown by {@link #render} when it is told to stop: a newer change makes what it renders out of date before
     * it is published. What was rendered so far is to be thrown away.
     */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped: a newer change came in", null, false, false);
        }
    }

    /** Renders everything; returns the number of files written. Failures are reported to {@code problems}. */
    public int render(Path siteDir, Theme theme, OutputSink sink, Problems problems, Progress progress) {
        return render(siteDir, theme, sink, problems, progress, () -> false);
    }

    /**
     * As {@link #render(Path, Theme, OutputSink, Problems, Progress)}, asking {@code stop} before each issue or
     * other output whether to go on; throws {@link Stopped} once it says no.
     */
    public int render(Path siteDir, Theme theme, OutputSink sink, Problems problems, Progress progress,
            BooleanSupplier stop) {
        Plan plan = new Plan(routes, problems);
        for (Planner planner : planners(siteDir, theme, sink)) {
            planner.plan(plan);
        }
        if (stop.getAsBoolean()) {
            throw new Stopped();
        }
        progress.started("pages rendered", plan.size());
        OutputExecutor executor = new OutputExecutor(pool, new Production(sink, memory, templates, kept), progress,
                stop);
        int written = executor.run(plan.outputs(), plan.batches(), problems);
        return written + executor.run(plan.lastOutputs(), problems);
    }

    /**
     * Renders the pages of the issues on {@code dates} alone, every one of them: each issue's page, its printed
     * pages and stories, and the notices of the withdrawn stories of those dates. What a preview shows of an edit
     * before the whole site is built again. Returns the paths of the pages planned, rendered or failed.
     */
    public List<String> renderIssues(Set<LocalDate> dates, Path siteDir, OutputSink sink, Problems problems) {
        Plan plan = issuePlan(dates, siteDir, problems);
        new OutputExecutor(pool, new Production(sink, RenderMemory.none(), templates, kept), Progress.NONE,
                () -> false).run(plan.outputs(), problems);
        return plan.outputs().stream().map(Output::path).toList();
    }

    /** The paths of the pages {@link #renderIssues} renders for {@code dates}, without rendering them. */
    public List<String> issuePaths(Set<LocalDate> dates, Path siteDir) {
        return issuePlan(dates, siteDir, new Problems()).outputs().stream().map(Output::path).toList();
    }

    private Plan issuePlan(Set<LocalDate> dates, Path siteDir, Problems problems) {
        Plan plan = new Plan(routes, problems);
        new IssuePlanner(archive, views, new ViewInputs(archive, config), routes, siteDir, dates::contains).plan(plan);
        return plan;
    }

    /**
     * The families of outputs, in the order their pages are listed in the sitemap; the sitemap's planner comes
     * after the planners whose pages it lists.
     */
    private List<Planner> planners(Path siteDir, Theme theme, OutputSink sink) {
        ViewInputs keys = new ViewInputs(archive, config);
        return List.of(
                new HomePlanner(archive, views),
                new IssuePlanner(archive, views, keys, routes, siteDir, date -> true),
                new RedirectPlanner(archive, views),
                new DateArchivePlanner(archive, views, routes),
                new BureauPlanner(archive, views, keys, routes, feeds, config.paginate()),
                new StandalonePlanner(archive, views, routes),
                new SearchPlanner(archive, views, views.bodies(), routes, config, sink::published),
                new FeedPlanner(keys, feeds),
                new SitemapPlanner(routes, feeds, config),
                new ThemeAssetPlanner(theme, siteDir, routes));
    }
}
