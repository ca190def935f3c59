package org.broadsheet.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.broadsheet.io.IoPool;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;

/**
 * Lists {@code content/}: every file with its size and modification time, the first step of every build.
 * A process that stays up and watches the folder ({@code serve}) lists it once and then only looks again at
 * what the watcher reports ({@link #relist}); at a hundred thousand articles that is a second saved per build.
 */
final class ContentLister {
    /** Runs a parallel stream on the build's pool. */
    @FunctionalInterface
    interface Parallel {
        <T> T run(String what, Callable<T> work);
    }

    private final Path siteDir;
    private final UnaryOperator<List<Path>> listingOrder;
    private final Parallel parallel;

    ContentLister(Path siteDir, UnaryOperator<List<Path>> listingOrder, Parallel parallel) {
        this.siteDir = siteDir;
        this.listingOrder = listingOrder;
        this.parallel = parallel;
    }

    private static long nanos(FileTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * Every regular file under {@code content/}, sorted, with its size and modification time, and every
     * symbolic link (with a warning: links are not followed).
     */
    ContentListing list(Problems problems) {
        Path root = siteDir.resolve(ContentLayout.ROOT);
        if (!Files.isDirectory(root)) {
            problems.add(Problem.error(ContentLayout.ROOT, 0, 0, "no content/ folder in the site",
                    "create content/YYYY/MM/DD/NN/01.md, or run from the site folder"));
            return new ContentListing(List.of(), List.of());
        }
        List<ContentListing.Listed> files = Collections.synchronizedList(new ArrayList<>());
        List<Path> links = Collections.synchronizedList(new ArrayList<>());
        try {
            walk(root, files, links);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error(ContentLayout.ROOT, 0, 0, "cannot list content/: " + e.getMessage(),
                    "check the folder's permissions"));
        }
        List<Path> sortedLinks = new ArrayList<>(links);
        sortedLinks.sort(Comparator.comparing(ContentLayout::slashed));
        warnOfLinks(sortedLinks, problems);
        Map<Path, ContentListing.Listed> byPath = new HashMap<>(files.size() * 2);
        files.forEach(file -> byPath.put(file.path(), file));
        List<ContentListing.Listed> ordered = new ArrayList<>();
        listingOrder.apply(files.stream().map(ContentListing.Listed::path).toList())
                .forEach(path -> ordered.add(byPath.get(path)));
        // On the build's threads: sorting a ten-year archive's 120,000 paths takes a few tenths of a second.
        List<ContentListing.Listed> sorted = parallel.run("sorting content/", () -> ordered.parallelStream()
                .sorted(Comparator.comparing(ContentListing.Listed::key)).toList());
        return new ContentListing(sorted, sortedLinks);
    }

    /**
     * The files under {@code folder} (relative to the site, inside content/) as {@link #list} lists them, and
     * nothing else: what a preview of one issue reads. Empty when the folder is not there.
     */
    ContentListing listFolder(Path folder) throws IOException {
        Path root = siteDir.resolve(folder);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return new ContentListing(List.of(), List.of());
        }
        List<ContentListing.Listed> files = Collections.synchronizedList(new ArrayList<>());
        List<Path> links = Collections.synchronizedList(new ArrayList<>());
        try {
            walk(root, files, links);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<ContentListing.Listed> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ContentListing.Listed::key));
        List<Path> sortedLinks = new ArrayList<>(links);
        sortedLinks.sort(Comparator.comparing(ContentLayout::slashed));
        return new ContentListing(sorted, sortedLinks);
    }

    /**
     * Adds every regular file and symbolic link under {@code root} to {@code files} and {@code links}. Folders
     * are listed level by level, many at a time: a ten-year archive has over a hundred thousand files in twenty
     * thousand folders, and each listing and each file's attributes is a wait on the file system.
     */
    private void walk(Path root, List<ContentListing.Listed> files, List<Path> links) throws IOException {
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
                            files.add(new ContentListing.Listed(relative, ContentLayout.slashed(relative),
                                    attrs.size(), nanos(attrs.lastModifiedTime())));
                        }
                    }
                }
            });
            level = List.copyOf(next);
        }
    }

    private static void warnOfLinks(List<Path> links, Problems problems) {
        for (Path link : links) {
            problems.add(Problem.warning(link, 0, 0, "symbolic link not followed",
                    "copy the file into content/ instead of linking it"));
        }
    }

    /**
     * What {@link #list} would return now, from the listing an earlier build made and the paths that changed
     * since (relative to the site; a changed folder stands for everything in it): only those are looked at
     * again. The caller vouches that nothing else under {@code content/} changed, as a file watcher does.
     */
    ContentListing relist(ContentListing before, Collection<Path> changed, Problems problems) {
        List<String> gone = new ArrayList<>();
        List<Path> again = new ArrayList<>();
        for (Path path : changed) {
            Path relative = path.normalize();
            if (relative.startsWith(ContentLayout.ROOT)) {
                gone.add(ContentLayout.slashed(relative));
                again.add(relative);
            }
        }
        if (gone.contains(ContentLayout.CONTENT_DIR) || !Files.isDirectory(siteDir.resolve(ContentLayout.ROOT))) {
            return list(problems); // content/ itself came or went
        }
        Predicate<String> replaced = key -> gone.stream().anyMatch(prefix -> key.equals(prefix)
                || key.startsWith(prefix) && key.charAt(prefix.length()) == '/');
        TreeMap<String, ContentListing.Listed> files = new TreeMap<>();
        before.files().stream().filter(file -> !replaced.test(file.key())).forEach(file -> files.put(file.key(), file));
        TreeMap<String, Path> links = new TreeMap<>();
        before.links().stream().filter(link -> !replaced.test(ContentLayout.slashed(link)))
                .forEach(link -> links.put(ContentLayout.slashed(link), link));
        for (Path relative : again) {
            Path path = siteDir.resolve(relative);
            try (Stream<Path> tree = Files.walk(path)) { // a file walks to itself; a missing path throws
                for (Path found : (Iterable<Path>) tree::iterator) {
                    BasicFileAttributes attrs = Files.readAttributes(found, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    Path rel = siteDir.relativize(found);
                    if (attrs.isSymbolicLink()) {
                        links.put(ContentLayout.slashed(rel), rel);
                    } else if (attrs.isRegularFile()) {
                        files.put(ContentLayout.slashed(rel), new ContentListing.Listed(rel, ContentLayout.slashed(rel),
                                attrs.size(), nanos(attrs.lastModifiedTime())));
                    }
                }
            } catch (NoSuchFileException e) {
                // deleted (or renamed away): its entries are gone already
            } catch (IOException | UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    problems.add(Problem.error(relative, 0, 0, "cannot list " + ContentLayout.slashed(relative) + ": "
                            + e.getMessage(), "check the folder's permissions"));
                }
            }
        }
        List<Path> sortedLinks = List.copyOf(links.values());
        warnOfLinks(sortedLinks, problems);
        return new ContentListing(List.copyOf(files.values()), sortedLinks);
    }

}
