package org.broadsheet.build;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.broadsheet.archive.Body;
import org.broadsheet.cache.ArticleCache;
import org.broadsheet.cache.BodyStore;
import org.broadsheet.content.ArticleFile;
import org.broadsheet.content.ArticleReader;
import org.broadsheet.content.ArticleSource;
import org.broadsheet.content.ContentLoader;
import org.broadsheet.markdown.GuardedMarkdown;
import org.broadsheet.markdown.JumpMark;
import org.broadsheet.markdown.LocalTarget;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.problem.Progress;

/**
 * Turns article files into sources with rendered bodies, in parallel, one file at a time: each file's
 * Markdown is garbage as soon as its body is rendered and stored, so memory never holds every source at
 * once. Unchanged files come from the build cache without being read.
 */
final class ArticleStage {
    private final ContentLoader loader;
    private final GuardedMarkdown markdown;
    private final LinkCheck links;
    /** Null for a stage that keeps bodies in memory and leaves the build cache alone ({@link #uncached}). */
    private final ArticleCache cache;
    private final ForkJoinPool pool;
    private final boolean includeDrafts;
    private final long nowNanos;

    /** A source whose Markdown has been rendered; {@code source.body()} is empty. */
    record Prepared(ArticleSource source, Body body) {
    }

    ArticleStage(ContentLoader loader, GuardedMarkdown markdown, LinkCheck links, ArticleCache cache,
            ForkJoinPool pool, boolean includeDrafts, long nowNanos) {
        this.loader = loader;
        this.markdown = markdown;
        this.links = links;
        this.cache = cache;
        this.pool = pool;
        this.includeDrafts = includeDrafts;
        this.nowNanos = nowNanos;
    }

    /**
     * A stage that reads and renders every file and keeps the bodies in memory: for a preview of a few issues
     * between builds, which must leave the build cache as the last build left it.
     */
    static ArticleStage uncached(ContentLoader loader, GuardedMarkdown markdown, LinkCheck links, ForkJoinPool pool,
            boolean includeDrafts) {
        return new ArticleStage(loader, markdown, links, null, pool, includeDrafts, 0);
    }

    /** The articles to publish (drafts only when asked), in the order of {@code files}. */
    List<Prepared> prepare(List<ArticleFile> files, Problems problems, Progress progress) {
        progress.started("articles read", files.size());
        try {
            return pool.submit(() -> files.parallelStream()
                    .map(file -> {
                        Optional<Prepared> prepared = prepare(file, problems);
                        progress.advanced(1);
                        return prepared;
                    })
                    .flatMap(Optional::stream)
                    .toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading articles", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading articles failed", e.getCause());
        }
    }

    private Optional<Prepared> prepare(ArticleFile file, Problems problems) {
        Optional<ArticleCache.Hit> hit = cache == null ? Optional.empty() : cache.lookup(file);
        if (hit.isPresent()) {
            ArticleSource source = hit.get().source();
            // The files a cached body points at are looked for again: any of them may have gone since.
            return wanted(source) && linksHold(source, hit.get().targets(), problems)
                    ? Optional.of(new Prepared(source, hit.get().body())) : Optional.empty();
        }
        ArticleReader.Result read = loader.read(file);
        problems.addAll(read.problems());
        if (read.article().isEmpty() || !wanted(read.article().get())) {
            return Optional.empty();
        }
        ArticleSource source = read.article().get();
        GuardedMarkdown.Outcome rendered = markdown.render(JumpMark.beforeRendering(source.body()));
        if (rendered.failure().isPresent()) {
            problems.add(Problem.error(source.file(), source.bodyFirstLine(), 0, rendered.failure().get(),
                    "simplify the article's Markdown"));
            return Optional.empty();
        }
        List<LocalTarget> targets = rendered.targets().stream()
                .map(target -> target.atLine(source.bodyFirstLine() - 1
                        + JumpMark.sourceLine(source.body(), target.line())))
                .toList();
        if (!linksHold(source, targets, problems)) {
            return Optional.empty();
        }
        String html = JumpMark.afterRendering(rendered.html());
        ArticleSource withoutMarkdown = source.withoutBody();
        if (cache == null) {
            return Optional.of(new Prepared(withoutMarkdown, Body.of(html)));
        }
        BodyStore.StoredBody body = cache.store(html);
        if (read.problems().isEmpty()) {
            cache.remember(file, withoutMarkdown, body, targets, nowNanos);
        }
        return Optional.of(new Prepared(withoutMarkdown, body));
    }

    /** Whether the story may be published as far as its images go; a withdrawn story's body is never shown. */
    private boolean linksHold(ArticleSource source, List<LocalTarget> targets, Problems problems) {
        return source.front().withdrawn() || links.checkArticle(source, targets, problems);
    }

    private boolean wanted(ArticleSource source) {
        return includeDrafts || !source.front().draft();
    }
}
