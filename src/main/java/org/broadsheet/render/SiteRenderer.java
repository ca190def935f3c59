package org.broadsheet.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.broadsheet.archive.StandalonePage;
import org.broadsheet.archive.Year;
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
    private final TemplateEngine templates;
    private final Routes routes;
    private final ForkJoinPool pool;
    private final int pageSize;

    public SiteRenderer(Archive archive, ViewFactory views, TemplateEngine templates, Routes routes,
            ForkJoinPool pool, int pageSize) {
        this.archive = archive;
        this.views = views;
        this.templates = templates;
        this.routes = routes;
        this.pool = pool;
        this.pageSize = pageSize;
    }

    /** One file to produce: a rendered page, or a copy of a file from the site. */
    private record Job(String path, String template, Supplier<Object> view, Path copyOf) {
        static Job page(String route, String template, Supplier<Object> view) {
            return new Job(Routes.file(route), template, view, null);
        }

        static Job copy(String path, Path source) {
            return new Job(path, null, null, source);
        }
    }

    /** Renders everything; returns the number of files written. Failures are reported to {@code problems}. */
    public int render(Path siteDir, Theme theme, OutputSink sink, Problems problems) {
        List<Job> jobs = jobs(siteDir, theme);
        AtomicInteger written = new AtomicInteger();
        try {
            pool.submit(() -> jobs.parallelStream().forEach(job -> {
                if (run(job, sink, problems)) {
                    written.incrementAndGet();
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering failed", e.getCause());
        }
        return written.get();
    }

    private boolean run(Job job, OutputSink sink, Problems problems) {
        try {
            if (job.copyOf() != null) {
                sink.copy(job.path(), job.copyOf());
            } else {
                String html = templates.render(job.template(), job.view().get());
                sink.write(job.path(), html.getBytes(StandardCharsets.UTF_8));
            }
            return true;
        } catch (TemplateEngine.RenderFailure failure) {
            problems.add(failure.problem());
        } catch (StagingArea.OutputClash | IllegalArgumentException clash) {
            problems.add(Problem.error(Path.of(job.path()), 0, 0, clash.getMessage(),
                    "give one of the sources another slug or file name"));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + job.path(), e);
        }
        return false;
    }

    private List<Job> jobs(Path siteDir, Theme theme) {
        List<Job> jobs = new ArrayList<>();
        if (archive.latestIssue().isPresent()) {
            jobs.add(Job.page(Routes.HOME, "home.ftlh", views::home));
        }
        jobs.add(Job.page(Routes.NOT_FOUND, "notice.ftlh", views::notFound));
        for (Issue issue : archive.issues()) {
            jobs.add(Job.page(routes.issue(issue.date()), "issue.ftlh", () -> views.issue(issue)));
            for (Page page : issue.pages()) {
                jobs.add(Job.page(routes.page(page), "page.ftlh", () -> views.page(issue, page)));
                for (Article article : page.articles()) {
                    jobs.add(Job.page(routes.article(article), "article.ftlh", () -> views.article(article)));
                }
                for (String asset : page.assets()) {
                    // Page folders are named exactly as the route names them (see ContentLoader).
                    jobs.add(Job.copy(routes.pageAsset(page, asset),
                            siteDir.resolve("content").resolve(routes.page(page)).resolve(asset)));
                }
            }
        }
        for (Article article : archive.withdrawn()) {
            jobs.add(Job.page(routes.article(article), "notice.ftlh", () -> views.withdrawn(article)));
        }
        List<Month> allMonths = new ArrayList<>();
        for (Year year : archive.years()) {
            jobs.add(Job.page(routes.year(year.year()), "year.ftlh", () -> views.year(year)));
            allMonths.addAll(year.months());
        }
        for (int i = 0; i < allMonths.size(); i++) {
            Month month = allMonths.get(i);
            Optional<Month> previous = i > 0 ? Optional.of(allMonths.get(i - 1)) : Optional.empty();
            Optional<Month> next = i + 1 < allMonths.size() ? Optional.of(allMonths.get(i + 1)) : Optional.empty();
            jobs.add(Job.page(routes.month(month.yearMonth()), "month.ftlh", () -> views.month(month, previous,
                    next)));
        }
        jobs.add(Job.page(Routes.BUREAUS, "bureaus.ftlh", views::bureauIndex));
        for (BureauDesk desk : archive.bureaus()) {
            int pages = ViewFactory.pageCount(desk, pageSize);
            for (int n = 1; n <= pages; n++) {
                int number = n;
                jobs.add(Job.page(routes.bureau(desk.bureau(), n), "bureau.ftlh",
                        () -> views.bureau(desk, number, pageSize)));
            }
        }
        for (StandalonePage page : archive.standalone()) {
            jobs.add(Job.page(routes.standalone(page.slug()), "standalone.ftlh", () -> views.standalone(page)));
        }
        for (Map.Entry<String, Path> file : theme.staticFiles(siteDir).entrySet()) {
            jobs.add(Job.copy(routes.themeFile(file.getKey()), file.getValue()));
        }
        return jobs;
    }
}
