package org.broadsheet.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Month;
import org.broadsheet.archive.Page;
import org.broadsheet.render.feed.Feed;
import org.broadsheet.render.feed.FeedFactory;
import org.broadsheet.render.feed.FeedWriter;
import org.broadsheet.render.feed.SitemapWriter;
import org.broadsheet.archive.StandalonePage;
import org.broadsheet.archive.Year;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.output.OutputPaths;
import org.broadsheet.output.OutputSink;
import org.broadsheet.output.StagingArea;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;

/**
 * Renders every page of the site into an {@link OutputSink}, in parallel. Each page is rendered, written
 * and forgotten, so memory does not grow with the size of the archive's output.
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

    /**
     * One file to produce: a rendered page, a generated text (feed, sitemap), or a copy of a site file. A job
     * in a {@link Group} is kept with the rest of its group when the group's inputs are unchanged.
     */
    private record Job(String path, String template, Supplier<Object> view, Path copyOf,
            Supplier<String> text, String owner, Supplier<String> inputs, Group group) {
        static Job page(String route, String template, Supplier<Object> view) {
            return new Job(Routes.file(route), template, view, null, null, "", null, null);
        }

        /**
         * A story's or a printed page's page: the archive's bulk. Its fingerprint comes from a list of its
         * inputs, which is far cheaper than building its view and reads no body from disk.
         */
        static Job keyed(String route, String template, Supplier<Object> view, Supplier<String> inputs) {
            return new Job(Routes.file(route), template, view, null, null, "", inputs, null);
        }

        static Job copy(String path, Path source) {
            return new Job(path, null, null, source, null, "", null, null);
        }

        static Job text(String path, Supplier<String> text) {
            return new Job(path, null, null, null, text, "", null, null);
        }

        /** A generated text made only when its inputs changed: a feed, a sitemap part. */
        static Job keyedText(String path, Supplier<String> text, Supplier<String> inputs) {
            return new Job(path, null, null, null, text, "", inputs, null);
        }

        /** The same job, naming the source file it comes from, for messages about clashes. */
        Job from(String source) {
            return new Job(path, template, view, copyOf, text, source, inputs, group);
        }

        /** The same job as a member of {@code group}. */
        Job in(Group group) {
            return new Job(path, template, view, copyOf, text, owner, inputs, group);
        }

        String describe() {
            return owner.isEmpty() ? "the generated " + path : owner;
        }
    }

    /**
     * Keyed jobs that read the same part of the archive: an issue's page, its printed pages and its stories. A
     * rebuild compares one key for them all instead of one fingerprint each (a ten-year archive has some 3,000
     * issues and 170,000 stories); when the key differs, each job's own fingerprint decides as usual.
     *
     * @param inputs everything the group's jobs read, as text (see {@link ViewFactory#issueGroupInputs})
     */
    private record Group(String name, Supplier<String> inputs) {
    }

    /** What became of one job. */
    private enum Outcome { WRITTEN, KEPT, FAILED }

    /** How many pages the render memory showed to be current, so they were not rendered. */
    public int kept() {
        return kept.get();
    }

    /** Renders everything; returns the number of files written. Failures are reported to {@code problems}. */
    public int render(Path siteDir, Theme theme, OutputSink sink, Problems problems) {
        List<List<Job>> units = units(withoutClashes(jobs(siteDir, theme, problems), problems));
        AtomicInteger written = new AtomicInteger();
        try {
            pool.submit(() -> units.parallelStream().forEach(unit -> written.addAndGet(run(unit, sink, problems))))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // e.g. a damaged build cache, which the build handles
            }
            throw new IllegalStateException("rendering failed", e.getCause());
        }
        return written.get();
    }

    /** The jobs of each group together, in their order, and every other job on its own. */
    private static List<List<Job>> units(List<Job> jobs) {
        Map<Group, List<Job>> groups = new java.util.IdentityHashMap<>();
        List<List<Job>> units = new ArrayList<>();
        for (Job job : jobs) {
            if (job.group() == null) {
                units.add(List.of(job));
            } else {
                groups.computeIfAbsent(job.group(), group -> {
                    List<Job> members = new ArrayList<>();
                    units.add(members);
                    return members;
                }).add(job);
            }
        }
        return units;
    }

    /** Runs a unit of {@link #units}; returns the number of files written. */
    private int run(List<Job> unit, OutputSink sink, Problems problems) {
        Group group = unit.get(0).group();
        if (group == null) {
            return run(unit.get(0), sink, problems) == Outcome.WRITTEN ? 1 : 0;
        }
        String key = Fingerprints.of(unit.stream().map(Job::template).distinct().map(templates::fingerprint)
                .collect(java.util.stream.Collectors.joining(" ")), group.inputs().get());
        if (memory.keepGroup(group.name(), key, unit.stream().map(Job::path).toList())) {
            for (Job job : unit) {
                attempt(job, problems, () -> keep(job, sink));
            }
            return 0;
        }
        int written = 0;
        boolean allCurrent = true;
        for (Job job : unit) {
            Outcome outcome = run(job, sink, problems);
            written += outcome == Outcome.WRITTEN ? 1 : 0;
            allCurrent &= outcome != Outcome.FAILED;
        }
        if (allCurrent) {
            memory.rememberGroup(group.name(), key);
        }
        return written;
    }

    /** A step of a job that may fail on the job's account. */
    @FunctionalInterface
    private interface Step {
        Outcome run() throws IOException, TemplateEngine.RenderFailure;
    }

    /** Runs {@code step}; a failure that is the job's own becomes a problem and {@link Outcome#FAILED}. */
    private static Outcome attempt(Job job, Problems problems, Step step) {
        try {
            return step.run();
        } catch (TemplateEngine.RenderFailure failure) {
            problems.add(failure.problem());
        } catch (StagingArea.OutputClash | IllegalArgumentException clash) {
            problems.add(Problem.error(Path.of(job.path()), 0, 0, clash.getMessage(),
                    "give one of the sources another slug or file name"));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + job.path(), e);
        }
        return Outcome.FAILED;
    }

    private Outcome run(Job job, OutputSink sink, Problems problems) {
        return attempt(job, problems, () -> {
            // Copies and generated texts are made every time (they are few and cheap), but remembered too,
            // so that the memory knows every published file (OutputMemory.intact).
            if (job.copyOf() != null) {
                sink.copy(job.path(), job.copyOf());
                BasicFileAttributes source = Files.readAttributes(job.copyOf(), BasicFileAttributes.class);
                memory.remember(job.path(), "copy " + source.lastModifiedTime().toMillis(), source.size());
            } else if (job.text() != null) {
                String fingerprint = job.inputs() == null ? null : Fingerprints.of(job.inputs().get());
                if (fingerprint != null && memory.isCurrent(job.path(), fingerprint)) {
                    return keep(job, sink);
                }
                String text = job.text().get();
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                sink.write(job.path(), bytes);
                memory.remember(job.path(), fingerprint == null ? Fingerprints.of(text) : fingerprint, bytes.length);
            } else {
                // A keyed page's fingerprint comes from its inputs; any other view is its own fingerprint, built once.
                Object view = job.inputs() == null ? job.view().get() : null;
                String fingerprint = Fingerprints.of(templates.fingerprint(job.template()),
                        view == null ? job.inputs().get() : view.toString());
                if (memory.isCurrent(job.path(), fingerprint)) {
                    return keep(job, sink);
                }
                byte[] html = templates.render(job.template(), view == null ? job.view().get() : view, job.path())
                        .getBytes(StandardCharsets.UTF_8);
                sink.write(job.path(), html);
                memory.remember(job.path(), fingerprint, html.length);
            }
            return Outcome.WRITTEN;
        });
    }

    /** Claims the published file of {@code job} as it is, which the render memory showed to be current. */
    private Outcome keep(Job job, OutputSink sink) {
        sink.keep(job.path());
        kept.incrementAndGet();
        return Outcome.KEPT;
    }

    private List<Job> jobs(Path siteDir, Theme theme, Problems problems) {
        int pageSize = config.paginate();
        List<Job> jobs = new ArrayList<>();
        List<SitemapWriter.Entry> sitemap = new ArrayList<>();
        Optional<LocalDate> latest = archive.latestIssue().map(Issue::date);
        if (latest.isPresent()) {
            jobs.add(Job.page(Routes.HOME, "home.ftlh", views::home));
            sitemap.add(entry(Routes.HOME, latest));
        }
        jobs.add(Job.page(Routes.NOT_FOUND, "notice.ftlh", views::notFound));
        for (Issue issue : archive.issues()) {
            // Each route and date is spelled once and shared by the job and its sitemap entry: a rebuild lists
            // every output of the archive before it can tell which to keep.
            String day = issue.date().toString();
            String issueRoute = routes.issue(issue.date());
            Group group = new Group("issue " + day, () -> views.issueGroupInputs(issue));
            jobs.add(Job.keyed(issueRoute, "issue.ftlh", () -> views.issue(issue), () -> views.issueInputs(issue))
                    .in(group));
            sitemap.add(entry(issueRoute, day));
            for (Page page : issue.pages()) {
                String pageRoute = routes.page(page);
                jobs.add(Job.keyed(pageRoute, "page.ftlh", () -> views.page(issue, page),
                        () -> views.pageInputs(issue, page)).in(group));
                sitemap.add(entry(pageRoute, day));
                for (Article article : page.articles()) {
                    String route = Routes.articleOnPage(pageRoute, article.id());
                    jobs.add(Job.keyed(route, "article.ftlh", () -> views.article(article),
                            () -> views.articleInputs(article))
                            .from(article.source()).in(group));
                    sitemap.add(entry(route, day));
                    addAliases(jobs, article, problems);
                }
                Path folder = ContentLayout.pageFolder(page.date(), page.number());
                for (String asset : page.assets()) {
                    jobs.add(Job.copy(routes.pageAsset(page, asset), siteDir.resolve(folder).resolve(asset))
                            .from(ContentLayout.slashed(folder) + "/" + asset));
                }
            }
        }
        for (Article article : archive.withdrawn()) {
            jobs.add(Job.page(routes.article(article), "notice.ftlh", () -> views.withdrawn(article))
                    .from(article.source()));
            addAliases(jobs, article, problems);
        }
        List<Month> allMonths = new ArrayList<>();
        for (Year year : archive.years()) {
            jobs.add(Job.page(routes.year(year.year()), "year.ftlh", () -> views.year(year)));
            allMonths.addAll(year.months());
            sitemap.add(entry(routes.year(year.year()), lastIssue(year.months().get(year.months().size() - 1))));
        }
        for (int i = 0; i < allMonths.size(); i++) {
            Month month = allMonths.get(i);
            Optional<Month> previous = i > 0 ? Optional.of(allMonths.get(i - 1)) : Optional.empty();
            Optional<Month> next = i + 1 < allMonths.size() ? Optional.of(allMonths.get(i + 1)) : Optional.empty();
            jobs.add(Job.page(routes.month(month.yearMonth()), "month.ftlh", () -> views.month(month, previous,
                    next)));
            sitemap.add(entry(routes.month(month.yearMonth()), lastIssue(month)));
        }
        jobs.add(Job.page(Routes.BUREAUS, "bureaus.ftlh", views::bureauIndex));
        sitemap.add(entry(Routes.BUREAUS, latest));
        for (BureauDesk desk : archive.bureaus()) {
            int pages = ViewFactory.pageCount(desk, pageSize);
            for (int n = 1; n <= pages; n++) {
                int number = n;
                jobs.add(Job.keyed(routes.bureau(desk.bureau(), n), "bureau.ftlh",
                        () -> views.bureau(desk, number, pageSize), () -> views.bureauInputs(desk, number, pageSize)));
                sitemap.add(entry(routes.bureau(desk.bureau(), n),
                        Optional.of(desk.articles().get((n - 1) * pageSize).id().date())));
            }
            String feedDir = routes.bureau(desk.bureau(), 1);
            addFeeds(jobs, feedDir, () -> feeds.bureauFeed(desk),
                    () -> views.feedInputs(feedDir, feeds.bureauItems(desk), feeds.updated()));
        }
        for (StandalonePage page : archive.standalone()) {
            jobs.add(Job.page(routes.standalone(page.slug()), "standalone.ftlh", () -> views.standalone(page))
                    .from(page.source()));
            sitemap.add(entry(routes.standalone(page.slug()), Optional.empty()));
        }
        addFeeds(jobs, Routes.HOME, feeds::siteFeed,
                () -> views.feedInputs(Routes.HOME, feeds.siteItems(), feeds.updated()));
        for (SitemapWriter.File file : SitemapWriter.sitemaps(sitemap, routes.absolute(Routes.HOME),
                SitemapWriter.MAX_URLS)) {
            jobs.add(Job.keyedText(file.path(), file.text(),
                    file.entries().isEmpty() ? file.text() : () -> sitemapInputs(file.entries())));
        }
        jobs.add(Job.text(SitemapWriter.NEWS_SITEMAP, () -> SitemapWriter.news(feeds.news(), config.title(),
                config.language())));
        jobs.add(Job.text(SitemapWriter.ROBOTS, () -> SitemapWriter.robots(routes.absolute(SitemapWriter.SITEMAP))));
        for (Map.Entry<String, Path> file : theme.staticFiles(siteDir).entrySet()) {
            jobs.add(Job.copy(routes.themeFile(file.getKey()), file.getValue()));
        }
        return jobs;
    }

    /**
     * Two jobs publishing the same file, or files that a case-insensitive or Unicode-normalising file system
     * would merge, are an error naming both sources; neither is published.
     */
    private static List<Job> withoutClashes(List<Job> jobs, Problems problems) {
        Map<String, Job> byKey = new java.util.HashMap<>();
        java.util.Set<String> clashed = new java.util.HashSet<>();
        for (Job job : jobs) {
            String key = OutputPaths.clashKey(job.path());
            Job first = byKey.putIfAbsent(key, job);
            if (first != null) {
                clashed.add(key);
                Job blamed = job.owner().isEmpty() ? first : job;
                Job other = blamed == job ? first : job;
                problems.add(Problem.error(Path.of(blamed.owner().isEmpty() ? blamed.path()
                                : blamed.owner().replaceFirst(" \\(alias .*\\)$", "")), 0, 0,
                        blamed.describe() + " and " + other.describe() + " are both published as " + job.path(),
                        "give one of them another slug, file name or alias"));
            }
        }
        return jobs.stream().filter(job -> !clashed.contains(OutputPaths.clashKey(job.path()))).toList();
    }

    /**
     * A feed's three formats, made only when what the feed reads changed: building a feed reads every listed
     * story's body from the body store and escapes it three times, for each bureau, on every rebuild.
     */
    private static void addFeeds(List<Job> jobs, String dir, Supplier<Feed> build, Supplier<String> inputs) {
        Supplier<Feed> feed = once(build); // three formats of one feed: its items are built once
        Supplier<String> sharedInputs = once(inputs);
        jobs.add(Job.keyedText(dir + FeedWriter.RSS, () -> FeedWriter.rss(feed.get()), sharedInputs));
        jobs.add(Job.keyedText(dir + FeedWriter.ATOM, () -> FeedWriter.atom(feed.get()), sharedInputs));
        jobs.add(Job.keyedText(dir + FeedWriter.JSON, () -> FeedWriter.json(feed.get()), sharedInputs));
    }

    /** A sitemap part's inputs: its URLs and their dates, hashed without writing (and escaping) the XML. */
    private static String sitemapInputs(List<SitemapWriter.Entry> entries) {
        String[] parts = new String[entries.size() * 2];
        for (int i = 0; i < entries.size(); i++) {
            parts[2 * i] = entries.get(i).url();
            parts[2 * i + 1] = entries.get(i).lastModified();
        }
        return Fingerprints.of(parts);
    }

    /** A supplier that computes its value on first use, once, even when asked from several threads. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            synchronized (value) {
                if (value.get() == null) {
                    value.set(supplier.get());
                }
                return value.get();
            }
        };
    }

    /** Old addresses of an article (aliases) become redirect pages; unsafe ones are the article's error. */
    private void addAliases(List<Job> jobs, Article article, Problems problems) {
        for (String alias : article.aliases()) {
            String route = alias.strip();
            while (route.startsWith("/")) {
                route = route.substring(1);
            }
            String file = Routes.file(route);
            Optional<String> unsafe = OutputPaths.problem(file);
            if (unsafe.isPresent()) {
                problems.add(Problem.error(Path.of(article.source()), 0, 0, "alias '" + alias + "' " + unsafe.get(),
                        "write the old address as a path inside the site, e.g. html/2019-03/05/content_123.htm"));
                continue;
            }
            String aliasRoute = route;
            jobs.add(Job.page(aliasRoute, "redirect.ftlh", () -> views.redirect(article, aliasRoute))
                    .from(article.source() + " (alias " + alias + ")"));
        }
    }

    private SitemapWriter.Entry entry(String route, Optional<LocalDate> lastModified) {
        return entry(route, lastModified.map(LocalDate::toString).orElse(""));
    }

    private SitemapWriter.Entry entry(String route, String lastModified) {
        return new SitemapWriter.Entry(routes.absolute(route), lastModified);
    }

    private static Optional<LocalDate> lastIssue(Month month) {
        return Optional.of(month.issues().get(month.issues().size() - 1).date());
    }
}
