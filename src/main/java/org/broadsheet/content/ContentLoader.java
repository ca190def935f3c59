package org.broadsheet.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;
import org.broadsheet.io.IoPool;
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
    public static final String CONTENT_DIR = "content";
    /** Folder of standalone pages inside content/. */
    public static final String PAGES_DIR = "pages";
    private static final List<String> PAGE_KEYS = List.of("number", "section", "label", "editors", "banners",
            "image", "pdf");
    private static final List<String> ISSUE_KEYS = List.of("number", "edition", "note");

    private final Path siteDir;
    private final ForkJoinPool pool;
    private final UnaryOperator<List<Path>> listingOrder;

    /**
     * @param listingOrder lets tests shuffle what the file system returns, to prove the order never matters
     */
    public ContentLoader(Path siteDir, ForkJoinPool pool, UnaryOperator<List<Path>> listingOrder) {
        this.siteDir = siteDir;
        this.pool = pool;
        this.listingOrder = listingOrder;
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
        Map<LocalDate, IssueSource> issues = new TreeMap<>();
        Map<LocalDate, ContentListing.Listed> issueFiles = new TreeMap<>();
        Map<String, PageFolder> pages = new TreeMap<>();
        List<StandaloneSource> standalone = new ArrayList<>();
        for (ContentListing.Listed file : listing.files()) {
            if (isStandalone(file.path())) {
                readStandalone(file.path(), problems).ifPresent(standalone::add);
            } else {
                classify(file, issueFiles, pages, problems);
            }
        }

        issues.putAll(readIssues(issueFiles, memory, problems));
        List<PageSource> pageSources = readPages(List.copyOf(pages.values()), memory, problems);
        List<ArticleFile> articles = new ArrayList<>();
        for (PageFolder folder : pages.values()) {
            issues.computeIfAbsent(folder.date, d -> new IssueSource(d, OptionalInt.empty(), "", ""));
            for (int i = 0; i < folder.articles.size(); i++) {
                ContentListing.Listed file = folder.articles.get(i);
                articles.add(new ArticleFile(file.path(), folder.date, folder.number, i + 1, file.size(),
                        file.modified()));
            }
        }
        return new ContentScan(new ArrayList<>(issues.values()), pageSources, articles, standalone);
    }

    private static long nanos(FileTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * Every regular file under {@code content/}, sorted, with its size and modification time, and every
     * symbolic link (with a warning: links are not followed). Folders are listed level by level, many at a
     * time: a ten-year archive has over a hundred thousand files in twenty thousand folders, and each
     * listing and each file's attributes is a wait on the file system.
     */
    public ContentListing list(Problems problems) {
        Path root = siteDir.resolve(CONTENT_DIR);
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(Path.of(CONTENT_DIR), 0, 0, "no content/ folder in the site",
                    "create content/YYYY/MM/DD/NN/01.md, or run from the site folder"));
            return new ContentListing(List.of(), List.of());
        }
        List<ContentListing.Listed> files = Collections.synchronizedList(new ArrayList<>());
        List<Path> links = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Path> level = List.of(root);
            while (!level.isEmpty()) {
                List<Path> next = Collections.synchronizedList(new ArrayList<>());
                IoPool.forEach(level, dir -> {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path path : entries) {
                            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class,
                                    LinkOption.NOFOLLOW_LINKS);
                            if (attrs.isSymbolicLink()) {
                                links.add(siteDir.relativize(path));
                            } else if (attrs.isDirectory()) {
                                next.add(path);
                            } else if (attrs.isRegularFile()) {
                                Path relative = siteDir.relativize(path);
                                files.add(new ContentListing.Listed(relative, slashed(relative), attrs.size(),
                                        nanos(attrs.lastModifiedTime())));
                            }
                        }
                    }
                });
                level = List.copyOf(next);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(Path.of(CONTENT_DIR), 0, 0, "cannot list content/: " + e.getMessage(),
                    "check the folder's permissions"));
        }
        List<Path> sortedLinks = new ArrayList<>(links);
        sortedLinks.sort(Comparator.comparing(ContentLoader::slashed));
        for (Path link : sortedLinks) {
            problems.add(Problem.warning(link, 0, 0, "symbolic link not followed",
                    "copy the file into content/ instead of linking it"));
        }
        Map<Path, ContentListing.Listed> byPath = new HashMap<>(files.size() * 2);
        files.forEach(file -> byPath.put(file.path(), file));
        List<ContentListing.Listed> ordered = new ArrayList<>();
        listingOrder.apply(files.stream().map(ContentListing.Listed::path).toList())
                .forEach(path -> ordered.add(byPath.get(path)));
        // On the build's threads: sorting a ten-year archive's 120,000 paths takes a few tenths of a second.
        List<ContentListing.Listed> sorted = inParallel("sorting content/", () -> ordered.parallelStream()
                .sorted(Comparator.comparing(ContentListing.Listed::key)).toList());
        return new ContentListing(sorted, sortedLinks);
    }

    private void classify(ContentListing.Listed file, Map<LocalDate, ContentListing.Listed> issueFiles,
            Map<String, PageFolder> pages, Problems problems) {
        Path relative = file.path();
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        String name = parts.get(parts.size() - 1);
        if (name.startsWith(".")) {
            return; // editor and OS droppings (.DS_Store, .swp) are not content
        }
        parts.remove(0); // "content"
        if (parts.size() >= 4) {
            Optional<LocalDate> date = issueDate(relative, parts, problems);
            if (date.isEmpty()) {
                return;
            }
            if (parts.size() == 4 && name.equals("_issue.yml")) {
                issueFiles.put(date.get(), file);
                return;
            }
            if (parts.size() == 5) {
                OptionalInt number = pageNumber(parts.get(3));
                if (number.isEmpty()) {
                    problems.add(Problem.error(relative, 0, 0, "page folder '" + parts.get(3)
                            + "' is not a page number", "name page folders 01, 02, … 99, 100, …"));
                    return;
                }
                PageFolder folder = pages.computeIfAbsent(slashed(relative.getParent()),
                        key -> new PageFolder(relative.getParent(), date.get(), number.getAsInt()));
                if (name.equals("_page.yml")) {
                    folder.pageFile = file;
                } else if (name.endsWith(".md")) {
                    folder.articles.add(file);
                } else {
                    folder.assets.add(name);
                }
                return;
            }
        }
        problems.add(Problem.error(relative, 0, 0, "file is not where Broadsheet looks for content",
                "articles go in content/YYYY/MM/DD/NN/*.md, page settings in …/NN/_page.yml, "
                        + "issue settings in …/DD/_issue.yml, standalone pages in content/pages/*.md"));
    }

    /** {@code content/pages/*.md}: pages outside the dated archive. */
    private static boolean isStandalone(Path relative) {
        return relative.getNameCount() == 3 && relative.getName(1).toString().equals(PAGES_DIR)
                && relative.getFileName().toString().endsWith(".md");
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

    private Optional<LocalDate> issueDate(Path relative, List<String> parts, Problems problems) {
        if (!(digits(parts.get(0), 4, 4) && digits(parts.get(1), 2, 2) && digits(parts.get(2), 2, 2))) {
            problems.add(Problem.error(relative, 0, 0, "folder " + String.join("/", parts.subList(0, 3))
                    + " is not a date", "issue folders are content/YYYY/MM/DD, e.g. content/2025/12/12"));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(parts.get(0)), Integer.parseInt(parts.get(1)),
                    Integer.parseInt(parts.get(2))));
        } catch (DateTimeException e) {
            problems.add(Problem.error(relative, 0, 0, "folder " + String.join("/", parts.subList(0, 3))
                    + " is not a real date", "check the month and the day"));
            return Optional.empty();
        }
    }

    private static OptionalInt pageNumber(String folder) {
        if (!digits(folder, 2, 3)) {
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(folder);
        // Only the canonical spelling (01, not 001), so that the folder and the page's URL always agree.
        String canonical = number < 10 ? "0" + number : Integer.toString(number);
        return number >= 1 && canonical.equals(folder) ? OptionalInt.of(number) : OptionalInt.empty();
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
        map.rejectUnknownKeys(ISSUE_KEYS, "_issue.yml");
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
        map.rejectUnknownKeys(PAGE_KEYS, "_page.yml");
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
            map.report(key, key + " '" + name.get() + "' is not a file in " + slashed(folder.dir),
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

    /** Whether {@code text} is {@code min} to {@code max} ASCII digits (a regular expression per file was slow). */
    private static boolean digits(String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String slashed(Path path) {
        return path.toString().replace('\\', '/');
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
