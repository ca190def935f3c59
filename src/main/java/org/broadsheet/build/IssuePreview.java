package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.content.ContentListing;
import org.broadsheet.content.ContentLoader;
import org.broadsheet.content.ContentScan;
import org.broadsheet.content.SettingsMemory;
import org.broadsheet.markdown.GuardedMarkdown;
import org.broadsheet.problem.Problems;
import org.broadsheet.problem.Progress;
import org.broadsheet.render.Routes;
import org.broadsheet.render.TemplateEngine;
import org.broadsheet.render.ViewFactory;
import org.broadsheet.render.feed.FeedFactory;
import org.broadsheet.render.plan.SiteRenderer;

/**
 * The first answer to an edit of stories in a session that stays up ({@code serve}): the pages of the issues the
 * edited files belong to (the issue's page, its printed pages, its stories), rendered from the last build's model
 * with those issues read again from {@code content/}. An editor who saves a story sees it in a few hundred
 * milliseconds at any archive size, where the whole build that follows takes seconds at a hundred thousand
 * stories; that build then publishes everything the edit reaches (neighbouring issues' links, bureau lists,
 * feeds, the search index) exactly as a one-shot build would. A preview writes nothing: neither the output
 * folder nor the build cache.
 *
 * <p>Only edits of story files make a preview. Anything else (settings, a page's files, the theme, site.yml) and
 * any error in the issues read again leave it to the whole build, which reports the problem.
 */
final class IssuePreview {
    /**
     * What a published build leaves for previews: its options and settings, the theme's templates as it rendered
     * them, its model, into which each preview's issues are then taken, and what reads the model's bodies.
     */
    record Basis(BuildOptions options, SiteConfig config, TemplateEngine templates, Routes routes,
            GuardedMarkdown markdown, Archive archive, BodyReader bodies) {
        Basis with(Archive patched) {
            return new Basis(options, config, templates, routes, markdown, patched, bodies);
        }
    }

    /** A preview's pages, and the model with its issues taken in, for the next preview. */
    record Result(PreviewPages pages, Archive archive) {
    }

    private IssuePreview() {
    }

    /**
     * The preview of the changes to {@code changed} (paths relative to {@code site}); empty when they are not all
     * edits of stories, or the issues they belong to do not build without errors.
     */
    static Optional<Result> of(Basis basis, Path site, ForkJoinPool pool, Collection<Path> changed)
            throws IOException {
        Set<LocalDate> dates = new TreeSet<>();
        for (Path path : changed) {
            ContentLayout.Place place = ContentLayout.parse(path);
            if (place instanceof ContentLayout.Article story) {
                dates.add(story.date());
            } else if (!(place instanceof ContentLayout.Hidden)) {
                return Optional.empty();
            }
        }
        if (dates.isEmpty()) {
            return Optional.empty();
        }
        ContentLoader loader = new ContentLoader(site, pool, basis.options().listingOrder());
        ContentListing listing = listing(loader, dates);
        Problems problems = new Problems();
        ContentScan scan = loader.scan(listing, SettingsMemory.NONE, problems);
        LinkCheck links = new LinkCheck(listing, basis.routes());
        boolean drafts = basis.options().drafts();
        List<ArticleStage.Prepared> prepared = ArticleStage.uncached(loader, basis.markdown(), links, pool, drafts)
                .prepare(scan.articles(), problems, Progress.NONE);
        Archive part = new ArchiveAssembler(basis.markdown(), links, Gazetteer.of(basis.config().bureaus()), drafts)
                .assemble(scan, prepared, problems);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        Archive archive = basis.archive().withIssues(dates, part.issues(), part.withdrawn());
        PreviewSink sink = new PreviewSink();
        Problems rendering = new Problems();
        List<String> paths = renderer(basis, archive, pool).renderIssues(dates, site, sink, rendering);
        if (rendering.hasErrors()) {
            return Optional.empty();
        }
        Set<String> removed = new HashSet<>(renderer(basis, basis.archive(), pool).issuePaths(dates, site));
        removed.removeAll(paths);
        Set<String> folders = new HashSet<>();
        dates.forEach(date -> folders.add(basis.routes().issue(date)));
        return Optional.of(new Result(new PreviewPages(sink.pages(), removed, folders), archive));
    }

    /** The files of the issue folders of {@code dates}, as the whole listing has them. */
    private static ContentListing listing(ContentLoader loader, Set<LocalDate> dates) throws IOException {
        List<ContentListing.Listed> files = new ArrayList<>();
        List<Path> links = new ArrayList<>();
        for (LocalDate date : dates) { // in date order, so the files stay sorted by path
            ContentListing folder = loader.listFolder(ContentLayout.issueFolder(date));
            files.addAll(folder.files());
            links.addAll(folder.links());
        }
        return new ContentListing(files, links);
    }

    private static SiteRenderer renderer(Basis basis, Archive archive, ForkJoinPool pool) {
        // No feed is rendered: the factory is there because the renderer plans every family for a build.
        return new SiteRenderer(archive, new ViewFactory(archive, basis.config(), basis.routes(), basis.bodies()),
                basis.templates(), basis.routes(), pool, basis.config(), new FeedFactory(archive, basis.config(),
                        basis.routes(), Instant.EPOCH, basis.bodies()));
    }
}
