package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 14: searching must keep the page responsive. The test generates an archive of 3,000 stories in two
 * quarters (bench/GenerateCorpus.java, seed 1). The stories are full length, so the big quarter's shards and
 * postings are the size of the 100,000-story benchmark's. nginx serves it, and Chromium searches it as a phone with
 * its CPU slowed four times: a reader types each query into the search page and presses Enter, and for a common
 * one loads "更早的结果" three times. A PerformanceObserver for 'longtask', installed before the page's scripts,
 * records every main-thread task of 50 ms or more. A step fails when its longest task is over {@link #LIMIT_MS} on
 * each of {@link #TRIES} tries.
 *
 * <p>Why these numbers (bench/README.md, "Does the search client need a Web Worker?"): on the 100,000-story site
 * the client does its index work one file per task. In no search did a task hold more than 29 ms of script at 4x,
 * and no task reached 50 ms at full speed. At 4x on a quiet machine the longest task of any step was 84 ms, a
 * garbage collection; rendering ten more results took up to 56 ms. With other work driving the load to 6, tasks
 * stretched to 138 ms. The limit stands above all of that, so a busy machine does not fail the test. A step that
 * blocks the main thread for longer than that, on every try, is a change in the client: a step that does
 * a search's index work in a few large pieces instead of one file at a time. A busy neighbour
 * stretches a task now and then, not on every try.
 */
class SearchMainThreadIT {
    static final double LIMIT_MS = 150;
    static final int TRIES = 3;
    static final int ARTICLES = 3000;

    // Installed before the page's own scripts, so that nothing the search does escapes it.
    static final String OBSERVE = """
            window.__longTasks = [];
            new PerformanceObserver(list => list.getEntries().forEach(e =>
                window.__longTasks.push({start: e.startTime, duration: e.duration})))
                .observe({type: 'longtask', buffered: true});
            """;

    // Resolves once the page shows at least `count` results, its status line says something final and every
    // snippet is filled (or 5 s after that, which a story page that failed to load would leave empty); hands back
    // the status, whether "更早的结果" is offered, and the long tasks since `since`.
    static final String SETTLE = """
            const since = arguments[0], count = arguments[1], done = arguments[arguments.length - 1];
            const status = document.getElementById('search-status'), more = document.getElementById('search-more');
            const start = performance.now();
            let shown = null;
            (function poll() {
              const text = status.textContent;
              const results = document.querySelectorAll('#search-results .search-result').length;
              if (shown === null && text !== '' && text !== '正在搜索……' && results >= count) {
                shown = performance.now();
              }
              const filled = Array.from(document.querySelectorAll('#search-results .snippet')).every(p => p.firstChild);
              if ((shown !== null && (filled || performance.now() - shown > 5000)) || performance.now() - start > 60000) {
                setTimeout(() => done({status: text, results: results, more: !more.hidden,
                    tasks: window.__longTasks.filter(t => t.start >= since).map(t => t.duration)}), 200);
              } else {
                setTimeout(poll, 50);
              }
            })();
            """;

    @TempDir
    static Path temp;

    @Test
    void noSearchHoldsThePhonesMainThreadLongerThanTheLimit() throws Exception {
        Path site = generate(temp.resolve("site"));
        String rare = rareQuery(site);
        Path out = temp.resolve("public");
        try (Nginx nginx = Nginx.serve(out, "archive")) {
            BuildResult result = TestSites.build(new BuildOptions(site, Optional.of(out),
                    Optional.of(URI.create(nginx.url())), Optional.empty(), false, false, false, false,
                    Optional.empty(), Runtime.getRuntime().availableProcessors(), UnaryOperator.identity(), true));
            assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
            assertThat(Files.readString(out.resolve("search/index.json"))).contains("\"id\":\"2016-1\"")
                    .contains("\"id\":\"2016-2\"");

            try (Browser browser = ReaderJourneyIT.Size.PHONE.start()) {
                ChromeDriver driver = browser.driver();
                driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE));
                driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
                observerSeesABusyLoop(driver, nginx.url());

                // Common, a phrase in quotes, a long phrase of common pairs, two terms, a rare string of the
                // older quarter, and one of common pairs found nowhere (it reads every quarter's shards).
                List<String> queries = List.of("法院", "\"中级人民法院\"", "双方签订的草场流转合同系双方真实意思表示",
                        "鄂尔多斯 社区矫正", rare, "法院检察");
                // Each step is tried again, up to TRIES times in all, until one try stays within the limit.
                Map<String, List<Double>> seen = new LinkedHashMap<>();
                for (String query : queries) {
                    List<Double> tries = seen.computeIfAbsent(query, q -> new ArrayList<>());
                    while (tries.size() < TRIES && !someWithin(tries)) {
                        tries.add(search(driver, nginx.url(), query));
                    }
                }
                for (int attempt = 0; attempt < TRIES; attempt++) {
                    List<Double> clicks = olderResults(driver, nginx.url(), "法院", 3);
                    for (int k = 0; k < clicks.size(); k++) {
                        seen.computeIfAbsent("法院, 更早的结果 " + (k + 1), q -> new ArrayList<>()).add(clicks.get(k));
                    }
                    if (seen.entrySet().stream().filter(e -> e.getKey().contains("更早的结果"))
                            .allMatch(e -> someWithin(e.getValue()))) {
                        break;
                    }
                }
                // For whoever tunes the limit: the longest task of each try (0: none reached 50 ms).
                System.out.println("SearchMainThreadIT, longest main-thread task of each try, ms: " + seen);
                Map<String, List<Double>> over = new LinkedHashMap<>(seen);
                over.values().removeIf(SearchMainThreadIT::someWithin);
                assertThat(over).as("searches whose every try held the main thread over " + LIMIT_MS
                        + " ms (the longest task of each try, ms)").isEmpty();
                assertThat(browser.consoleErrors()).isEmpty();
            }
        }
    }

    /** The instrument works: a busy loop of twice the limit run in the page comes back as a long task. */
    @SuppressWarnings("unchecked")
    private static void observerSeesABusyLoop(ChromeDriver driver, String url) throws InterruptedException {
        driver.get(url + "search/");
        double since = now(driver);
        driver.executeScript("setTimeout(() => { const t = performance.now(); while (performance.now() - t < "
                + 2 * LIMIT_MS + ") {} })");
        Thread.sleep(2000);
        List<Number> seen = (List<Number>) driver.executeScript(
                "return window.__longTasks.filter(t => t.start >= arguments[0]).map(t => t.duration)", since);
        assertThat(seen).as("long tasks seen after a busy loop").anyMatch(ms -> ms.doubleValue() >= 2 * LIMIT_MS);
    }

    /** A fresh search page, the query typed and Enter pressed: the longest main-thread task from the typing on. */
    private static double search(ChromeDriver driver, String url, String query) {
        driver.get(url + "search/");
        double since = now(driver);
        WebElement field = driver.findElement(By.id("search-q"));
        field.sendKeys(query, Keys.ENTER);
        Map<?, ?> settled = settle(driver, since, 0);
        assertThat((String) settled.get("status")).as(query).matches("(共找到|已找到) \\d+ 篇稿件.*|没有找到相关稿件。");
        return longest(settled);
    }

    /** A search, then "更早的结果" clicked {@code clicks} times: the longest main-thread task of each click. */
    private static List<Double> olderResults(ChromeDriver driver, String url, String query, int clicks) {
        driver.get(url + "search/?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
        Map<?, ?> first = settle(driver, 0, 10);
        assertThat(first.get("results")).isEqualTo(10L);
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < clicks; k++) {
            double since = now(driver);
            driver.findElement(By.id("search-more")).click();
            Map<?, ?> settled = settle(driver, since, 10 * (k + 2));
            assertThat(settled.get("results")).isEqualTo(10L * (k + 2));
            assertThat(settled.get("more")).as("更早的结果 still offered after " + (k + 1) + " clicks").isEqualTo(true);
            out.add(longest(settled));
        }
        return out;
    }

    private static boolean someWithin(List<Double> tries) {
        return tries.stream().anyMatch(ms -> ms <= LIMIT_MS);
    }

    private static double now(ChromeDriver driver) {
        return ((Number) driver.executeScript("return performance.now()")).doubleValue();
    }

    private static Map<?, ?> settle(ChromeDriver driver, double since, int count) {
        return (Map<?, ?>) driver.executeAsyncScript(SETTLE, since, count);
    }

    private static double longest(Map<?, ?> settled) {
        return ((List<?>) settled.get("tasks")).stream().mapToDouble(ms -> ((Number) ms).doubleValue()).max()
                .orElse(0);
    }

    /** bench/GenerateCorpus.java's archive of {@link #ARTICLES} stories, with the repository's themes. */
    private static Path generate(Path site) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, Path.of("bench/GenerateCorpus.java").toAbsolutePath().toString(),
                "--articles", Integer.toString(ARTICLES), "--seed", "1", "--out", site.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        TestSites.copyTree(Path.of("themes").toAbsolutePath(), site.resolve("themes"));
        return site;
    }

    /**
     * Four characters of the archive's first story held by the fewest stories (one to three): a rare query that
     * the newest quarter does not answer, so the client reads the term directory and the older quarter.
     */
    private static String rareQuery(Path site) throws IOException {
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site.resolve("content"))) {
            for (Path md : walk.filter(p -> p.toString().endsWith(".md")).sorted(Comparator.naturalOrder()).toList()) {
                String text = Files.readString(md);
                bodies.add(text.substring(text.indexOf("\n---\n", 4) + 5));
            }
        }
        String first = bodies.get(0);
        String best = null;
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i + 4 <= Math.min(first.length(), 600); i += 3) {
            String window = first.substring(i, i + 4);
            if (!window.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                continue;
            }
            long holders = bodies.stream().filter(body -> body.contains(window)).count();
            if (holders < fewest) {
                fewest = holders;
                best = window;
            }
        }
        assertThat(fewest).as("the rarest window of the first story, " + best).isBetween(1L, 3L);
        return best;
    }
}
