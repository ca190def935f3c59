package org.broadsheet.render.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.Body;
import org.broadsheet.archive.Bureau;
import org.broadsheet.archive.Byline;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.render.OutputSink;
import org.broadsheet.problem.Problems;
import org.broadsheet.render.RenderMemory;
import org.broadsheet.render.Routes;
import org.broadsheet.render.TemplateEngine;
import org.broadsheet.render.Theme;
import org.broadsheet.render.ViewFactory;
import org.broadsheet.render.feed.FeedFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild keeps an issue's pages (issue page, printed pages, stories) by one key for the whole issue, and
 * asks each page's own fingerprint only in an issue whose key changed. The outputs themselves are compared
 * with builds from scratch in {@code IncrementalBuildTest}; this test watches which questions are asked.
 */
class SiteRendererTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final SiteConfig CONFIG = SiteConfigLoader.parse(Path.of("site.yml"),
            "title: 北疆法治报\nbaseUrl: https://example.org/\n").config().orElseThrow();
    private static final Bureau BAOTOU = new Bureau("包头市", "baotou", List.of("包头"));
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2025, 12, 10), LocalDate.of(2025, 12, 11),
            LocalDate.of(2025, 12, 12));

    private final ForkJoinPool pool = new ForkJoinPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static Article story(LocalDate date, int page, String slug, String title) {
        return new Article(new ArticleId(date, page, slug),
                "content/" + date.toString().replace('-', '/') + "/0" + page + "/" + slug + ".md", title, "", "",
                "包头讯", Optional.of(BAOTOU), new Byline(List.of("张三"), ""), List.of(), Body.of("<p>正文。</p>"),
                false, OptionalInt.empty(), List.of(), List.of(), Map.of());
    }

    /** Three issues of two pages with three stories each; {@code retitled} renames the 11th's middle story. */
    private static Archive archive(String retitled) {
        List<Issue> issues = new ArrayList<>();
        for (LocalDate day : DAYS) {
            List<Page> pages = new ArrayList<>();
            for (int number = 1; number <= 2; number++) {
                List<Article> stories = new ArrayList<>();
                for (int slot = 1; slot <= 3; slot++) {
                    boolean middle = day.getDayOfMonth() == 11 && number == 1 && slot == 2;
                    stories.add(story(day, number, "0" + slot, middle ? retitled : "稿件" + day + number + slot));
                }
                pages.add(new Page(day, number, "", "要闻", List.of(), List.of(), Optional.empty(), Optional.empty(),
                        stories, List.of()));
            }
            issues.add(new Issue(day, OptionalInt.empty(), "", "", pages));
        }
        return new Archive(issues, List.of(BAOTOU), List.of(), List.of());
    }

    /** A render memory in a map, counting the questions asked of it. */
    private static final class Memory implements RenderMemory {
        final Map<String, String> fingerprints = new ConcurrentHashMap<>();
        final Map<String, String> groups = new ConcurrentHashMap<>();
        final Set<String> askedPaths = ConcurrentHashMap.newKeySet();
        final Set<String> keptGroups = ConcurrentHashMap.newKeySet();

        @Override
        public boolean isCurrent(String path, String fingerprint) {
            askedPaths.add(path);
            return fingerprint.equals(fingerprints.get(path));
        }

        @Override
        public void remember(String path, String fingerprint, long size) {
            fingerprints.put(path, fingerprint);
        }

        @Override
        public boolean keepGroup(String group, String key, List<String> paths) {
            boolean kept = key.equals(groups.get(group)) && fingerprints.keySet().containsAll(paths);
            if (kept) {
                keptGroups.add(group);
            }
            return kept;
        }

        @Override
        public void rememberGroup(String group, String key) {
            groups.put(group, key);
        }
    }

    /** The paths written and kept by one render. */
    private static final class Sink implements OutputSink {
        final Set<String> written = ConcurrentHashMap.newKeySet();
        final Set<String> kept = ConcurrentHashMap.newKeySet();

        @Override
        public void write(String path, byte[] bytes) {
            written.add(path);
        }

        @Override
        public void copy(String path, Path source) {
            written.add(path);
        }

        @Override
        public void keep(String path) {
            kept.add(path);
        }
    }

    private Sink render(Archive archive, Memory memory) {
        Problems problems = new Problems();
        Theme theme = Theme.resolve(PROJECT, "default", problems).orElseThrow();
        Routes routes = new Routes(CONFIG.baseUrl());
        Sink sink = new Sink();
        new SiteRenderer(archive, new ViewFactory(archive, CONFIG, routes, BodyReader.IN_MEMORY),
                new TemplateEngine(PROJECT, theme), routes,
                pool, CONFIG, new FeedFactory(archive, CONFIG, routes, Instant.parse("2025-12-12T16:00:00Z"),
                        BodyReader.IN_MEMORY), memory)
                .render(PROJECT, theme, sink, problems, org.broadsheet.problem.Progress.NONE);
        assertThat(problems.sorted()).isEmpty();
        return sink;
    }

    private static boolean inIssue(String path, int day) {
        return path.startsWith("2025/12/" + day + "/");
    }

    /** Whether {@code path} is one of the issues' own pages (not the month's or the year's). */
    private static boolean inAnIssue(String path) {
        return DAYS.stream().anyMatch(day -> inIssue(path, day.getDayOfMonth()));
    }

    @Test
    void aRebuildKeepsEachUnchangedIssueWholeWithoutAskingItsPagesFingerprints() {
        Memory memory = new Memory();
        Sink first = render(archive("宪法宣传周启动"), memory);
        assertThat(first.written).filteredOn(path -> inIssue(path, 11)).hasSize(1 + 2 + 6);
        memory.askedPaths.clear();

        Sink again = render(archive("宪法宣传周启动"), memory);

        assertThat(memory.keptGroups).containsExactlyInAnyOrder("issue 2025-12-10", "issue 2025-12-11",
                "issue 2025-12-12");
        assertThat(memory.askedPaths).noneMatch(SiteRendererTest::inAnIssue);
        assertThat(again.kept).filteredOn(SiteRendererTest::inAnIssue).hasSize(3 * 9);
        assertThat(again.written).noneMatch(SiteRendererTest::inAnIssue);
    }

    @Test
    void aRetitledStoryMakesOnlyItsIssueAskEachPageAndRewritesWhatShowsTheTitle() {
        Memory memory = new Memory();
        render(archive("宪法宣传周启动"), memory);
        memory.askedPaths.clear();

        Sink rebuild = render(archive("宪法宣传周今日启动"), memory);

        assertThat(memory.keptGroups).containsExactlyInAnyOrder("issue 2025-12-10", "issue 2025-12-12");
        assertThat(memory.askedPaths).filteredOn(SiteRendererTest::inAnIssue)
                .allMatch(path -> inIssue(path, 11)).hasSize(9);
        // A printed page is keyed by its whole issue (ViewInputs.page), so page 2 is rendered too.
        assertThat(rebuild.written).filteredOn(SiteRendererTest::inAnIssue).containsExactlyInAnyOrder(
                "2025/12/11/index.html", "2025/12/11/01/index.html", "2025/12/11/02/index.html",
                "2025/12/11/01/01.html", "2025/12/11/01/02.html", "2025/12/11/01/03.html");
    }
}
