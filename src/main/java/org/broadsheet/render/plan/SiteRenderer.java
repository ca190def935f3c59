package org.broadsheet.render.plan;

import java.nio.file.Path;
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

    /** Renders everything; returns the number of files written. Failures are reported to {@code problems}. */
    public int render(Path siteDir, Theme theme, OutputSink sink, Problems problems, Progress progress) {
        Plan plan = new Plan(routes, problems);
        for (Planner planner : planners(siteDir, theme, sink)) {
            planner.plan(plan);
        }
        progress.started("pages rendered", plan.outputs().size() + plan.lastOutputs().size());
        OutputExecutor executor = new OutputExecutor(pool, new Production(sink, memory, templates, kept), progress);
        int written = executor.run(plan.outputs(), problems);
        return written + executor.run(plan.lastOutputs(), problems);
    }

    /**
     * The families of outputs, in the order their pages are listed in the sitemap; the sitemap's planner comes
     * after the planners whose pages it lists.
     */
    private List<Planner> planners(Path siteDir, Theme theme, OutputSink sink) {
        ViewInputs keys = new ViewInputs(archive, config);
        return List.of(
                new HomePlanner(archive, views),
                new IssuePlanner(archive, views, keys, routes, siteDir),
                new RedirectPlanner(archive, views),
                new DateArchivePlanner(archive, views, routes),
                new BureauPlanner(archive, views, keys, routes, feeds, config.paginate()),
                new StandalonePlanner(archive, views, routes),
                new SearchPlanner(archive, views, routes, config, sink::published),
                new FeedPlanner(keys, feeds),
                new SitemapPlanner(routes, feeds, config),
                new ThemeAssetPlanner(theme, siteDir, routes));
    }
}
