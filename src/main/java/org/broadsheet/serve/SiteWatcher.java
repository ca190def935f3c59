package org.broadsheet.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.broadsheet.content.ContentLayout;

/**
 * Tells the server which of the site's inputs changed: {@code site.yml}, everything under {@code content/}
 * and {@code themes/}. It uses the platform's file notification (on Linux the JDK's watch service is inotify),
 * one registration per folder, new folders registered as they appear. A burst of changes (a bulk edit, a
 * {@code git checkout}) becomes one batch: a batch ends once no change has come for {@link #QUIET_MILLIS}.
 * When the system drops events (overflow), the batch says so and the build looks at everything.
 */
final class SiteWatcher implements AutoCloseable {
    static final long QUIET_MILLIS = 40;
    /** A batch ends after this long even if changes keep coming, so a never-ending writer still gets builds. */
    static final long LONGEST_BATCH_MILLIS = 2_000;
    static final String THEMES_DIR = "themes";
    static final String SITE_FILE = "site.yml";

    private final Path site;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    /**
     * Changed paths under content/ and themes/ and site.yml, relative to the site.
     *
     * @param unknown   events were lost: anything may have changed
     * @param worthABuild whether a change is to a real input, not only to editors' droppings (which a build
     *                    still gets to hear of, so that what it knows of content/ stays exact)
     */
    record Batch(Set<Path> changed, boolean unknown, boolean worthABuild) {
    }

    SiteWatcher(Path site) throws IOException {
        this.site = site.toAbsolutePath().normalize();
        this.service = FileSystems.getDefault().newWatchService();
        register(this.site, false);
        for (String tree : List.of(ContentLayout.CONTENT_DIR, THEMES_DIR)) {
            register(this.site.resolve(tree), true);
        }
    }

    /** How many folders are watched. */
    int folders() {
        return folders.size();
    }

    /**
     * Waits for the next change, then gathers the burst it belongs to.
     *
     * @throws InterruptedException when the thread is interrupted or the watcher closed
     */
    Batch next() throws InterruptedException {
        TreeSet<Path> changed = new TreeSet<>();
        boolean[] unknown = {false};
        boolean[] worthABuild = {false};
        while (changed.isEmpty() && !unknown[0]) {
            take(service.take(), changed, unknown, worthABuild);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LONGEST_BATCH_MILLIS);
        while (System.nanoTime() < end) {
            WatchKey key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
            if (key == null) {
                break;
            }
            take(key, changed, unknown, worthABuild);
        }
        if (unknown[0]) {
            // Events were dropped, among them perhaps the creation of folders, which must be watched too.
            for (String tree : List.of(ContentLayout.CONTENT_DIR, THEMES_DIR)) {
                register(site.resolve(tree));
            }
        }
        return new Batch(Set.copyOf(changed), unknown[0], worthABuild[0] || unknown[0]);
    }

    private void take(WatchKey key, Set<Path> changed, boolean[] unknown, boolean[] worthABuild) {
        Path folder = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                unknown[0] = true;
                continue;
            }
            if (folder == null) {
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            String name = child.getFileName().toString();
            boolean atTop = folder.equals(site);
            if (atTop && !name.equals(SITE_FILE) && !name.equals(ContentLayout.CONTENT_DIR)
                    && !name.equals(THEMES_DIR)) {
                continue; // the output folder, .broadsheet/, README: not inputs
            }
            changed.add(site.relativize(child)); // a folder stands for all it holds
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                register(child); // moved or copied in: watch it too
            }
            worthABuild[0] |= !EditorFiles.ignored(name);
        }
        if (!key.reset()) {
            folders.remove(key); // the folder is gone; its deletion was reported by its parent
        }
    }

    private void register(Path folder) {
        try {
            register(folder, true);
        } catch (IOException | RuntimeException e) {
            // Gone again, or unreadable: the build finds out and says so.
        }
    }

    private void register(Path root, boolean recursive) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        if (!recursive) {
            folders.put(root.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), root);
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path folder : (Iterable<Path>) tree.filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))::iterator) {
                folders.put(folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), folder);
            }
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }

    /** Whether {@code e} means the watcher was closed while a thread waited on it. */
    static boolean closedBy(RuntimeException e) {
        return e instanceof ClosedWatchServiceException;
    }
}
