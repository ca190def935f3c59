package org.broadsheet.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.text.TextDecoder;
import org.broadsheet.yaml.YamlMap;
import org.broadsheet.yaml.YamlParser;

/**
 * Reads {@code content/}: finds issues, pages and articles by their folders, in sorted order whatever the
 * file system's listing order, and reads the articles in parallel. Symbolic links are never followed.
 */
public final class ContentLoader {
    private static final List<String> PAGE_KEYS = List.of("number", "section", "label", "editors", "banners",
            "image", "pdf");
    private static final List<String> ISSUE_KEYS = List.of("number", "edition", "note");

    private final Path siteDir;
    private final ForkJoinPool pool;
    private final UnaryOperator<List<Path>> listingOrder;
    private final ContentLister lister;

    /**
     * @param listingOrder lets tests shuffle what the file system returns, to prove the order never matters
     */
    public ContentLoader(Path siteDir, ForkJoinPool pool, UnaryOperator<List<Path>> listingOrder) {
        this.siteDir = siteDir;
        this.pool = pool;
        this.listingOrder = listingOrder;
        this.lister = new ContentLister(siteDir, listingOrder, this::inParallel);
    }

    public ContentLoader(Path siteDir, ForkJoinPool pool) {
        this(siteDir, pool, UnaryOperator.identity());
    }

    /** Scans and reads everything, articles included (the build reads articles one by one instead). */
    public ContentSet load(Problems problems) {
        ContentScan scan = scan(problems);
        List<ArticleSource> articles = readArticles(scan.articles(), problems);
        return new ContentSet(scan, articles);
    }

    /** Finds every source and reads all but the articles, which {@link #read} reads one at a time. */
    public ContentScan scan(Problems problems) {
        return scan(list(problems), problems);
    }

    /** Reads what {@link #list} found: issue and page settings and standalone pages; articles are only named. */
    public ContentScan scan(ContentListing listing, Problems problems) {
        return scan(listing, SettingsMemory.NONE, problems);
    }

    /** As {@link #scan(ContentListing, Problems)}, taking unchanged settings files from {@code memory}. */
    public ContentScan scan(ContentListing listing, SettingsMemory memory, Problems problems) {
        Sorter sorter = new Sorter(problems);
        for (ContentListing.Listed file : listing.files()) {
            ContentLayout.parse(file.path()).accept(sorter, file);
        }

        Map<LocalDate, IssueSource> issues = new TreeMap<>(readIssues(sorter.issueFiles, memory, problems));
        List<PageSource> pageSources = readPages(List.copyOf(sorter.pages.values()), memory, problems);
        List<ArticleFile> articles = new ArrayList<>();
        for (PageFolder folder : sorter.pages.values()) {
            issues.computeIfAbsent(folder.date, d -> new IssueSource(d, OptionalInt.empty(), "", ""));
            for (int i = 0; i < folder.articles.size(); i++) {
                ContentListing.Listed file = folder.articles.get(i);
                articles.add(new ArticleFile(file.path(), folder.date, folder.number, i + 1, file.size(),
                        file.modified()));
            }
        }
        return new ContentScan(new ArrayList<>(issues.values()), pageSources, articles, sorter.standalone);
    }

    /** Every file under {@code content/}: see {@link ContentLister#list}. */
    public ContentListing list(Problems problems) {
        return lister.list(problems);
    }

    /** What content/ holds now, from an earlier listing and what changed since: see {@link ContentLister#relist}. */
    public ContentListing relist(ContentListing before, Collection<Path> changed, Problems problems) {
        return lister.relist(before, changed, problems);
    }

    /** The files under {@code folder} only (relative to the site): see {@link ContentLister#listFolder}. */
    public ContentListing listFolder(Path folder) throws IOException {
        return lister.listFolder(folder);
    }

    private Optional<StandaloneSource> readStandalone(Path relative, Problems problems) {
        try {
            StandaloneReader.Result result = StandaloneReader.read(relative, Files.readAllBytes(siteDir.resolve(
                    relative)));
            problems.addAll(result.problems());
            return result.page();
        } catch (IOException e) {
            problems.add(Problem.error(relative, 0, 0, "cannot read file: " + e.getMessage(),
                    "check the file's permissions"));
            return Optional.empty();
        }
    }

    /** An issue's settings: remembered from an earlier build, or read (and then remembered when faultless). */
    private IssueSource readIssue(ContentListing.Listed file, LocalDate date, SettingsMemory memory,
            Problems problems) {
        Optional<IssueSource> known = memory.issue(file);
        if (known.isPresent()) {
            return known.get();
        }
        Problems found = new Problems();
        IssueSource issue = parseIssue(file.path(), date, found);
        if (found.sorted().isEmpty()) {
            memory.remember(file, issue);
        }
        problems.addAll(found.sorted());
        return issue;
    }

    private IssueSource parseIssue(Path relative, LocalDate date, Problems problems) {
        Optional<YamlMap> yaml = readYaml(relative, problems);
        if (yaml.isEmpty()) {
            return new IssueSource(date, OptionalInt.empty(), "", "");
        }
        YamlMap map = yaml.get();
        map.rejectUnknownKeys(ISSUE_KEYS, ContentLayout.ISSUE_SETTINGS);
        OptionalInt number = map.integer("number").map(OptionalInt::of).orElse(OptionalInt.empty());
        IssueSource issue = new IssueSource(date, number, map.string("edition", "").strip(),
                map.string("note", "").strip());
        problems.addAll(map.problems());
        return issue;
    }

    /** Reads every issue's _issue.yml, in parallel: a ten-year archive has some 3,000 of them. */
    private Map<LocalDate, IssueSource> readIssues(Map<LocalDate, ContentListing.Listed> files,
            SettingsMemory memory, Problems problems) {
        return inParallel("reading issues", () -> files.entrySet().parallelStream()
                    .map(file -> readIssue(file.getValue(), file.getKey(), memory, problems))
                    .collect(java.util.stream.Collectors.toMap(IssueSource::date, issue -> issue)));
    }

    /** Reads every page's _page.yml, in parallel: a ten-year archive has some 20,000 of them. */
    private List<PageSource> readPages(List<PageFolder> folders, SettingsMemory memory, Problems problems) {
        return inParallel("reading pages", () -> folders.parallelStream()
                .map(folder -> readPage(folder, memory, problems)).toList());
    }

    /**
     * A page's settings: remembered from an earlier build while _page.yml and the files beside it (which its
     * image and PDF must be among) are unchanged, or read (and then remembered when faultless).
     */
    private PageSource readPage(PageFolder folder, SettingsMemory memory, Problems problems) {
        Collections.sort(folder.assets);
        if (folder.pageFile == null) {
            return new PageSource(folder.dir, folder.date, folder.number, "", "", Map.of(), List.of(),
                    Optional.empty(), Optional.empty(), folder.assets);
        }
        Optional<PageSource> known = memory.page(folder.pageFile).filter(page -> page.assets().equals(folder.assets));
        if (known.isPresent()) {
            return known.get();
        }
        Problems found = new Problems();
        PageSource page = parsePage(folder, found);
        if (found.sorted().isEmpty()) {
            memory.remember(folder.pageFile, page);
        }
        problems.addAll(found.sorted());
        return page;
    }

    private PageSource parsePage(PageFolder folder, Problems problems) {
        Optional<YamlMap> yaml = readYaml(folder.pageFile.path(), problems);
        if (yaml.isEmpty()) {
            return new PageSource(folder.dir, folder.date, folder.number, "", "", Map.of(), List.of(),
                    Optional.empty(), Optional.empty(), folder.assets);
        }
        YamlMap map = yaml.get();
        map.rejectUnknownKeys(PAGE_KEYS, ContentLayout.PAGE_SETTINGS);
        map.integer("number").filter(n -> n != folder.number).ifPresent(n -> map.report("number",
                "number " + n + " does not match the page folder " + folder.dir.getFileName(),
                "make them agree: the folder decides where the page lives"));
        Optional<String> image = besideFile(map, "image", folder);
        Optional<String> pdf = besideFile(map, "pdf", folder);
        PageSource page = new PageSource(folder.dir, folder.date, folder.number, map.string("label", "").strip(),
                map.string("section", "").strip(), map.stringMap("editors"), map.stringList("banners"), image,
                pdf, folder.assets);
        problems.addAll(map.problems());
        return page;
    }

    private static Optional<String> besideFile(YamlMap map, String key, PageFolder folder) {
        Optional<String> name = map.string(key).map(String::strip);
        if (name.isPresent() && !folder.assets.contains(name.get())) {
            map.report(key, key + " '" + name.get() + "' is not a file in " + ContentLayout.slashed(folder.dir),
                    "put the file beside _page.yml and give its name only");
            return Optional.empty();
        }
        return name;
    }

    private Optional<YamlMap> readYaml(Path relative, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(siteDir.resolve(relative));
        } catch (IOException e) {
            problems.add(Problem.error(relative, 0, 0, "cannot read file: " + e.getMessage(),
                    "check the file's permissions"));
            return Optional.empty();
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(relative, bytes);
        if (decoded.problem().isPresent()) {
            problems.add(decoded.problem().get());
            return Optional.empty();
        }
        YamlParser.Result parsed = YamlParser.parseMapping(relative, decoded.text(), 1);
        problems.addAll(parsed.problems());
        return parsed.root();
    }

    private List<ArticleSource> readArticles(List<ArticleFile> files, Problems problems) {
        List<ArticleReader.Result> results = inParallel("reading articles",
                () -> files.parallelStream().map(this::read).toList());
        List<ArticleSource> articles = new ArrayList<>();
        for (ArticleReader.Result result : results) {
            problems.addAll(result.problems());
            result.article().ifPresent(articles::add);
        }
        return articles;
    }

    /** Runs {@code work} (a parallel stream) on the build's pool, so it uses the build's thread count. */
    private <T> T inParallel(String what, java.util.concurrent.Callable<T> work) {
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    /** Reads one article file found by {@link #scan}. Thread-safe. */
    public ArticleReader.Result read(ArticleFile file) {
        try {
            byte[] bytes = Files.readAllBytes(siteDir.resolve(file.file()));
            return ArticleReader.read(file.file(), bytes, file.date(), file.page(), file.position());
        } catch (IOException e) {
            return new ArticleReader.Result(Optional.empty(), List.of(Problem.error(file.file(), 0, 0,
                    "cannot read file: " + e.getMessage(), "check the file's permissions")));
        }
    }

    /** Sorts listed files by what {@link ContentLayout} says they are: settings, articles, pages, mistakes. */
    private final class Sorter implements ContentLayout.Visitor<ContentListing.Listed> {
        final Map<LocalDate, ContentListing.Listed> issueFiles = new TreeMap<>();
        /** By the page folder's slashed path: pages and their articles come in the listing's order. */
        final Map<String, PageFolder> pages = new TreeMap<>();
        final List<StandaloneSource> standalone = new ArrayList<>();
        private final Problems problems;
        private PageFolder last;

        Sorter(Problems problems) {
            this.problems = problems;
        }

        @Override
        public void issueSettings(ContentLayout.IssueSettings place, ContentListing.Listed file) {
            issueFiles.put(place.date(), file);
        }

        @Override
        public void pageSettings(ContentLayout.PageSettings place, ContentListing.Listed file) {
            folder(place.date(), place.page()).pageFile = file;
        }

        @Override
        public void article(ContentLayout.Article place, ContentListing.Listed file) {
            folder(place.date(), place.page()).articles.add(file);
        }

        @Override
        public void pageFile(ContentLayout.PageFile place, ContentListing.Listed file) {
            folder(place.date(), place.page()).assets.add(place.name());
        }

        @Override
        public void standalonePage(ContentLayout.StandalonePage place, ContentListing.Listed file) {
            readStandalone(file.path(), problems).ifPresent(standalone::add);
        }

        @Override
        public void misplaced(ContentLayout.Misplaced place, ContentListing.Listed file) {
            problems.add(Problem.error(file.path(), 0, 0, place.message(), place.hint()));
        }

        /** The files of a folder are listed together, so most files find their folder without a look-up. */
        private PageFolder folder(LocalDate date, int number) {
            if (last == null || last.number != number || !last.date.equals(date)) {
                Path dir = ContentLayout.pageFolder(date, number);
                last = pages.computeIfAbsent(ContentLayout.slashed(dir), key -> new PageFolder(dir, date, number));
            }
            return last;
        }
    }

    /** A page folder while the scan fills it in. */
    private static final class PageFolder {
        final Path dir;
        final LocalDate date;
        final int number;
        final List<ContentListing.Listed> articles = new ArrayList<>();
        final List<String> assets = new ArrayList<>();
        ContentListing.Listed pageFile;

        PageFolder(Path dir, LocalDate date, int number) {
            this.dir = dir;
            this.date = date;
            this.number = number;
        }
    }
}
