package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.broadsheet.TestSites;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan takes unchanged page and issue settings from a {@link SettingsMemory}, and gives it what it read. */
class SettingsMemoryTest {
    @TempDir
    Path site;
    private final ForkJoinPool pool = new ForkJoinPool(2);
    private final Recording memory = new Recording();
    private Problems problems;

    /** Remembers in a map, and can be told to recall something else than what it was given. */
    private static final class Recording implements SettingsMemory {
        final Map<String, PageSource> pages = new ConcurrentHashMap<>();
        final Map<String, IssueSource> issues = new ConcurrentHashMap<>();

        @Override
        public Optional<PageSource> page(ContentListing.Listed file) {
            return Optional.ofNullable(pages.get(file.key()));
        }

        @Override
        public void remember(ContentListing.Listed file, PageSource page) {
            pages.put(file.key(), page);
        }

        @Override
        public Optional<IssueSource> issue(ContentListing.Listed file) {
            return Optional.ofNullable(issues.get(file.key()));
        }

        @Override
        public void remember(ContentListing.Listed file, IssueSource issue) {
            issues.put(file.key(), issue);
        }
    }

    @BeforeEach
    void aSmallArchive() {
        TestSites.write(site.resolve("content/2025/12/12/_issue.yml"), "number: 7001\nedition: 特刊\n");
        TestSites.write(site.resolve("content/2025/12/12/01/_page.yml"), "section: 要闻\nlabel: A01\nimage: scan.jpg\n");
        TestSites.write(site.resolve("content/2025/12/12/01/scan.jpg"), "jpeg");
        TestSites.write(site.resolve("content/2025/12/12/01/01.md"), "---\ntitle: 头条\n---\n正文。\n");
        TestSites.write(site.resolve("content/2025/12/12/02/_page.yml"), "section: 政法\nlabell: 拼错\n");
        TestSites.write(site.resolve("content/2025/12/12/02/01.md"), "---\ntitle: 二版\n---\n正文。\n");
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private ContentScan scan() {
        problems = new Problems();
        ContentLoader loader = new ContentLoader(site, pool);
        return loader.scan(loader.list(problems), memory, problems);
    }

    @Test
    void faultlessSettingsAreRememberedAndFaultyOnesAreNot() {
        ContentScan scan = scan();

        assertThat(memory.pages).containsOnlyKeys("content/2025/12/12/01/_page.yml")
                .containsValue(scan.pages().get(0));
        assertThat(memory.issues).containsOnlyKeys("content/2025/12/12/_issue.yml");
        assertThat(problems.sorted()).extracting(Problem::file).containsExactly(Path.of("content/2025/12/12/02/_page.yml"));
    }

    @Test
    void rememberedSettingsAreUsedInsteadOfTheFileAndWarningsRepeat() {
        scan();
        PageSource front = memory.pages.get("content/2025/12/12/01/_page.yml");
        memory.pages.put("content/2025/12/12/01/_page.yml", new PageSource(front.dir(), front.date(), front.number(),
                "记忆中的版名", front.section(), front.editors(), front.banners(), front.image(), front.pdf(),
                front.assets()));
        IssueSource issue = memory.issues.get("content/2025/12/12/_issue.yml");
        memory.issues.put("content/2025/12/12/_issue.yml", new IssueSource(issue.date(), issue.number(), "记忆", ""));

        ContentScan again = scan();

        assertThat(again.pages().get(0).label()).isEqualTo("记忆中的版名");
        assertThat(again.issues().get(0).edition()).isEqualTo("记忆");
        assertThat(problems.sorted()).as("the faulty page is read, and complained about, again").hasSize(1);
    }

    @Test
    void aPageWhoseFolderChangedIsReadAgain() {
        scan();
        PageSource front = memory.pages.get("content/2025/12/12/01/_page.yml");
        memory.pages.put("content/2025/12/12/01/_page.yml", new PageSource(front.dir(), front.date(), front.number(),
                "记忆中的版名", front.section(), front.editors(), front.banners(), front.image(), front.pdf(),
                front.assets()));
        TestSites.write(site.resolve("content/2025/12/12/01/A01.pdf"), "%PDF");

        ContentScan again = scan();

        assertThat(again.pages().get(0).label()).as("read from _page.yml").isEqualTo("A01");
        assertThat(again.pages().get(0).assets()).containsExactly("A01.pdf", "scan.jpg");
    }
}
