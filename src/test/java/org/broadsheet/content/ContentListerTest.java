package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.UnaryOperator;
import org.broadsheet.TestSites;
import org.broadsheet.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listing patched with the paths a watcher reported equals a listing made afresh. */
class ContentListerTest {
    @TempDir
    Path temp;
    private Path site;
    private ForkJoinPool pool;
    private ContentLoader loader;

    @BeforeEach
    void sample() {
        site = TestSites.copySample(temp);
        pool = new ForkJoinPool(2);
        loader = new ContentLoader(site, pool, UnaryOperator.identity());
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aDeletedFolderAnAddedFolderAChangedFileAndALinkAreSeenAsAFreshListingSeesThem() throws IOException {
        ContentListing before = loader.list(new Problems());
        Path gone = site.resolve("content/2025/12/10/02");
        TestSites.copyTree(gone, site.resolve("content/2025/12/13/02"));
        deleteTree(gone);
        Path changed = site.resolve("content/2025/12/11/01/01.md");
        Files.writeString(changed, Files.readString(changed) + "\n补记。\n");
        Files.createSymbolicLink(site.resolve("content/2025/12/11/01/linked.md"), changed);

        Problems patchedProblems = new Problems();
        ContentListing patched = loader.relist(before, List.of(Path.of("content/2025/12/10/02"),
                Path.of("content/2025/12/13"), site.relativize(changed), Path.of("content/2025/12/11/01/linked.md")),
                patchedProblems);
        Problems freshProblems = new Problems();
        ContentListing fresh = loader.list(freshProblems);

        assertThat(patched).isEqualTo(fresh);
        assertThat(patched.links()).hasSize(1);
        assertThat(patchedProblems.sorted()).isEqualTo(freshProblems.sorted());
        assertThat(patched).isNotEqualTo(before);
    }

    @Test
    void aPathReportedButUnchangedOrOutsideContentChangesNothing() {
        ContentListing before = loader.list(new Problems());

        assertThat(loader.relist(before, List.of(Path.of("site.yml"), Path.of("content/2025/12/10/01/01.md"),
                Path.of("content/2099/01/01/01/none.md")), new Problems())).isEqualTo(before);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
