package org.broadsheet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher reports what changed under content/ and themes/ and in site.yml, and nothing else. */
class SiteWatcherTest {
    @TempDir
    Path site;
    private SiteWatcher watcher;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void watch() throws IOException {
        Files.createDirectories(site.resolve("content/2025/12/12/01"));
        Files.createDirectories(site.resolve("themes/default/templates"));
        Files.writeString(site.resolve("site.yml"), "title: 北疆法治报\n");
        watcher = new SiteWatcher(site);
    }

    @AfterEach
    void stop() throws IOException {
        watcher.close();
        thread.shutdownNow();
    }

    /** The batches until they have reported all of {@code wanted} (a burst may arrive in more than one). */
    private Set<Path> changesUntil(Path wanted, boolean[] worthABuild) throws Exception {
        return changesUntil(Set.of(wanted), worthABuild);
    }

    private Set<Path> changesUntil(Set<Path> wanted, boolean[] worthABuild) throws Exception {
        Set<Path> seen = new HashSet<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!seen.containsAll(wanted) && System.nanoTime() < end) {
            Future<SiteWatcher.Batch> next = thread.submit(watcher::next);
            SiteWatcher.Batch batch = next.get(20, TimeUnit.SECONDS);
            seen.addAll(batch.changed());
            worthABuild[0] |= batch.worthABuild();
        }
        return seen;
    }

    @Test
    void aFileInAFolderMadeAfterWatchingBeganIsSeen() throws Exception {
        Path folder = Files.createDirectories(site.resolve("content/2025/12/13/01"));
        boolean[] worth = {false};
        changesUntil(Path.of("content/2025/12/13"), worth);
        Thread.sleep(100); // the new folder is registered when its creation is taken
        Files.writeString(folder.resolve("01.md"), "---\ntitle: 新稿\n---\n");

        assertThat(changesUntil(Path.of("content/2025/12/13/01/01.md"), worth))
                .contains(Path.of("content/2025/12/13/01/01.md"));
        assertThat(worth[0]).isTrue();
    }

    @Test
    void editorDroppingsAreReportedButNotWorthABuild() throws Exception {
        Files.writeString(site.resolve("content/2025/12/12/01/.01.md.swp"), "swap");
        boolean[] worth = {false};

        assertThat(changesUntil(Path.of("content/2025/12/12/01/.01.md.swp"), worth))
                .containsOnly(Path.of("content/2025/12/12/01/.01.md.swp"));
        assertThat(worth[0]).isFalse();
    }

    @Test
    void siteYmlAndTemplatesCountButOtherFilesBesideTheSiteDoNot() throws Exception {
        Files.writeString(site.resolve("README.md"), "not an input");
        Files.createDirectories(site.resolve("public")).resolve("index.html");
        Files.writeString(site.resolve("site.yml"), "title: 北疆法治报（新）\n");
        Files.writeString(site.resolve("themes/default/templates/article.ftlh"), "<p></p>");
        boolean[] worth = {false};

        Set<Path> seen = changesUntil(Set.of(Path.of("themes/default/templates/article.ftlh"), Path.of("site.yml")),
                worth);

        assertThat(seen).contains(Path.of("site.yml"), Path.of("themes/default/templates/article.ftlh"))
                .doesNotContain(Path.of("README.md"), Path.of("public"));
    }
}
