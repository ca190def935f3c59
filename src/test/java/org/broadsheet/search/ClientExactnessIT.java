package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.TestSites;
import org.broadsheet.browser.Browser;
import org.broadsheet.browser.Nginx;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@link ExactnessTest} again, through the real client: a site of 3,000 generated stories over nine quarters,
 * built and served by nginx, searched in Chromium by {@code search.js} for 300 Han strings of 2–8 characters cut
 * from the stories and 30 that occur nowhere, every result loaded with "更早的结果". The addresses listed must be
 * exactly those of the stories whose normalised title, kicker, subtitle or paragraph holds the query.
 *
 * <p>The client keeps its functions to itself, so the page is driven as a reader drives it, by script rather than
 * by typing (330 queries and some two thousand clicks typed would take minutes): the query goes into the search
 * field, the form is submitted, and "更早的结果" is clicked until it is hidden, each step awaited by watching the
 * status line, which the client writes last. Each result it shows fetches its story's page for a snippet; those
 * fetches are blocked, since snippets are {@code SearchIT}'s business and nineteen thousand of them would cost
 * most of this test's time.
 *
 * <p>The stories are written mostly from {@link CorpusText}'s small alphabet, so that a query's pairs often all
 * occur in a story lacking the query. One character in forty comes from elsewhere, mostly from the whole of CJK
 * Unified Ideographs, some from Extension B (surrogate pairs) and from forms that NFKC folds (compatibility
 * ideographs, Kangxi radicals), so that rare terms live in a few quarters only and the term directory has quarters
 * to rule out. Queries are cut from the text as written, so a query may hold a form that only normalising
 * matches. A few stories are withdrawn and must never be found.
 */
class ClientExactnessIT {
    private static final int STORIES = 3000;
    private static final int QUERIES = 300;
    private static final int ABSENT = 30;
    private static final int BATCH = 30;
    /** Folded by NFKC: 豈 and 郎 (compatibility ideographs), ⼈ and ⼭ (Kangxi radicals). */
    private static final String FOLDED = "\uF900\uF92C\u2F08\u2F2D";

    @TempDir
    static Path temp;

    /** One story as the scan sees it: its address and each field's text as written. */
    private record Story(String href, List<String> fields, boolean withdrawn) {
        String normalized() {
            return String.join("\u0003", fields.stream().map(SearchText::normalize).toList());
        }
    }

    /** What the page showed for a query: the status line the client wrote last, and every result's address. */
    private record Answer(String query, String status, List<String> hrefs) {
    }

    @Test
    void theClientFindsExactlyTheStoriesHoldingTheQuery() {
        Random random = new Random(1414);
        Path site = TestSites.storyADay(temp, "Asia/Shanghai", List.of());
        List<Story> stories = writeStories(site, random);
        Map<String, String> texts = new LinkedHashMap<>();
        stories.stream().filter(story -> !story.withdrawn()).forEach(story -> texts.put(story.href(), story.normalized()));
        List<String> queries = queries(stories, texts, random);

        Path out = temp.resolve("public");
        try (Nginx nginx = Nginx.serve(out, "archive")) {
            BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(out));
            assertThat(result.problems()).isEmpty();
            try (Browser browser = Browser.start(1280, 900, false)) {
                ChromeDriver driver = browser.driver();
                driver.get(nginx.url() + "search/");
                driver.executeCdpCommand("Network.enable", Map.of());
                driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*.html")));
                driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
                List<String> mismatches = new ArrayList<>();
                long found = 0;
                for (int from = 0; from < queries.size(); from += BATCH) {
                    for (Answer answer : search(driver, queries.subList(from, Math.min(queries.size(), from + BATCH)))) {
                        Set<String> listed = new TreeSet<>();
                        answer.hrefs().forEach(href -> listed.add(href.substring(nginx.url().length())));
                        Set<String> expected = scan(texts, answer.query());
                        String counted = expected.isEmpty() ? "没有找到相关稿件。" : "共找到 " + expected.size() + " 篇稿件。";
                        if (!listed.equals(expected) || answer.hrefs().size() != listed.size()
                                || !answer.status().equals(counted)) {
                            mismatches.add(describe(answer, expected, listed));
                        }
                        found += listed.size();
                    }
                }
                assertThat(mismatches).as("queries whose results differ from a scan of the texts").isEmpty();
                // The test means something only if the queries found many stories (~19,000), and if pairs alone
                // would have found many that lack the query (~3,300).
                assertThat(found).isGreaterThan(10000);
                assertThat(pairsOnly(texts, queries)).isGreaterThan(1000);
                assertThat(browser.consoleErrors()).allMatch(line -> line.contains("ERR_BLOCKED_BY_CLIENT"));
            }
        }
    }

    /** Writes the stories: every day from 2024-01-01, one to seven stories on pages 01 and 02. */
    private static List<Story> writeStories(Path site, Random random) {
        List<Story> stories = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 1);
        while (stories.size() < STORIES) {
            int count = 1 + random.nextInt(7);
            for (int k = 0; k < count && stories.size() < STORIES; k++) {
                String folder = String.format("%04d/%02d/%02d/%02d/", day.getYear(), day.getMonthValue(),
                        day.getDayOfMonth(), 1 + k / 4);
                String name = String.format("%02d", 1 + k % 4);
                String title = text(random, 6 + random.nextInt(10));
                String kicker = random.nextInt(3) == 0 ? text(random, 4 + random.nextInt(8)) : "";
                String subtitle = random.nextInt(3) == 0 ? text(random, 4 + random.nextInt(12)) : "";
                List<String> paragraphs = new ArrayList<>();
                for (int p = 1 + random.nextInt(4); p > 0; p--) {
                    paragraphs.add(text(random, 40 + random.nextInt(120)));
                }
                // Never a page's first story: a page left without a published one is a warning.
                boolean withdrawn = k % 4 != 0 && random.nextInt(50) == 0;
                StringBuilder md = new StringBuilder("---\ntitle: '").append(title).append("'\n");
                if (!kicker.isEmpty()) {
                    md.append("kicker: '").append(kicker).append("'\n");
                }
                if (!subtitle.isEmpty()) {
                    md.append("subtitle: '").append(subtitle).append("'\n");
                }
                if (withdrawn) {
                    md.append("withdrawn: true\n");
                }
                md.append("---\n").append(String.join("\n\n", paragraphs)).append('\n');
                TestSites.write(site.resolve("content/" + folder + name + ".md"), md.toString());
                List<String> fields = new ArrayList<>(List.of(title, kicker, subtitle));
                fields.addAll(paragraphs);
                stories.add(new Story(folder + name + ".html", fields, withdrawn));
            }
            day = day.plusDays(1);
        }
        return stories;
    }

    /**
     * Text of {@code length} or a little more: {@link CorpusText} with one character in forty from elsewhere. It
     * starts with an ideograph, so that Markdown never reads a paragraph as a list or code.
     */
    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        text.append(CorpusText.CHARS.charAt(random.nextInt(CorpusText.CHARS.length())));
        String common = CorpusText.paragraph(random, length - 1);
        for (int i = 0; i < common.length(); i++) {
            int roll = random.nextInt(400);
            if (roll < 8) {
                text.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00 + 1));
            } else if (roll == 8) {
                text.appendCodePoint(0x20000 + random.nextInt(16));
            } else if (roll == 9) {
                text.append(FOLDED.charAt(random.nextInt(FOLDED.length())));
            } else {
                text.append(common.charAt(i));
            }
        }
        return text.toString().strip();
    }

    /** Han strings of 2–8 characters cut from the texts as written, then strings of the alphabet found nowhere. */
    private static List<String> queries(List<Story> stories, Map<String, String> texts, Random random) {
        List<String> queries = new ArrayList<>();
        while (queries.size() < QUERIES) {
            Story story = stories.get(random.nextInt(stories.size()));
            int[] field = story.fields().get(random.nextInt(story.fields().size())).codePoints().toArray();
            int length = 2 + random.nextInt(7);
            if (field.length < length) {
                continue;
            }
            int start = random.nextInt(field.length - length + 1);
            String query = new String(field, start, length);
            if (query.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                queries.add(query);
            }
        }
        int absent = 0;
        while (absent < ABSENT) {
            String query = CorpusText.paragraph(random, 5).replaceAll("[^" + CorpusText.CHARS + "]", "");
            if (query.length() >= 4 && texts.values().stream().noneMatch(text -> text.contains(query))) {
                queries.add(query);
                absent++;
            }
        }
        return queries;
    }

    /**
     * Runs {@code queries} in the page one after another and returns, for each, the query, the status line the
     * client wrote last, and the addresses of every result shown once "更早的结果" has been clicked until hidden.
     */
    private static List<Answer> search(ChromeDriver driver, List<String> queries) {
        Object answer = driver.executeAsyncScript("""
                const queries = arguments[0], done = arguments[arguments.length - 1];
                const form = document.getElementById("search-form"), field = document.getElementById("search-q");
                const status = document.getElementById("search-status"), more = document.getElementById("search-more");
                const results = document.getElementById("search-results");
                // Each search pushes a history entry, and Chromium ignores a page's history.pushState beyond the
                // 200th in 10 s, counted from the first of a run (the client would then read the previous query
                // back from the address). So at most 190 searches, then a pause until 10 s from the first have
                // passed; the count is kept on window across batches.
                const limit = window.searchLimit = window.searchLimit || {start: 0, count: 0};
                const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
                // The client writes the status line at the end of every search and of every page it adds; while
                // it works the line is empty or says 正在搜索…….
                function settled(query, act) {
                  return new Promise((resolve, reject) => {
                    const timer = setTimeout(() => reject(new Error("no answer for " + query)), 30000);
                    const observer = new MutationObserver(() => {
                      const text = status.textContent;
                      if (text !== "" && text !== "正在搜索……") {
                        observer.disconnect();
                        clearTimeout(timer);
                        resolve(text);
                      }
                    });
                    observer.observe(status, {childList: true, characterData: true, subtree: true});
                    act();
                  });
                }
                (async () => {
                  const out = [];
                  for (const query of queries) {
                    if (limit.count === 190) {
                      await sleep(limit.start + 10200 - performance.now());
                    }
                    if (limit.count === 0 || performance.now() - limit.start > 10200) {
                      limit.start = performance.now();
                      limit.count = 0;
                    }
                    limit.count++;
                    field.value = query;
                    let text = await settled(query, () => form.requestSubmit());
                    if (new URLSearchParams(location.search).get("q") !== query) {
                      throw new Error("the address did not take the query " + query + ": " + location.search);
                    }
                    while (!more.hidden) {
                      text = await settled(query, () => more.click());
                    }
                    out.push({q: query, status: text,
                        hrefs: Array.from(results.querySelectorAll(".search-result h2 a"), a => a.href)});
                  }
                  done(out);
                })().catch(error => done(String(error)));
                """, queries);
        if (!(answer instanceof List<?> list)) {
            throw new AssertionError("the page's script failed: " + answer);
        }
        List<Answer> answers = new ArrayList<>();
        for (Object item : list) {
            Map<?, ?> map = (Map<?, ?>) item;
            answers.add(new Answer((String) map.get("q"), (String) map.get("status"),
                    ((List<?>) map.get("hrefs")).stream().map(String.class::cast).toList()));
        }
        return answers;
    }

    /** The addresses of the stories whose normalised text holds the query normalised: what a reader should get. */
    private static Set<String> scan(Map<String, String> texts, String query) {
        String target = SearchText.normalize(query);
        Set<String> expected = new TreeSet<>();
        texts.forEach((href, text) -> {
            if (text.contains(target)) {
                expected.add(href);
            }
        });
        return expected;
    }

    private static String describe(Answer answer, Set<String> expected, Set<String> listed) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(expected);
        return answer.query() + ": " + expected.size() + " expected, " + answer.hrefs().size() + " shown ("
                + listed.size() + " distinct), status \"" + answer.status() + "\"; missing " + some(missing)
                + "; extra " + some(extra);
    }

    /** The first twenty addresses, and how many more: a common query can miss hundreds. */
    private static String some(Set<String> hrefs) {
        List<String> first = hrefs.stream().limit(20).toList();
        return first + (hrefs.size() > first.size() ? " and " + (hrefs.size() - first.size()) + " more" : "");
    }

    /** How many stories, over all queries, hold every pair of the query, though perhaps not in a row. */
    private static long pairsOnly(Map<String, String> texts, List<String> queries) {
        long count = 0;
        for (String query : queries) {
            String target = SearchText.normalize(query);
            int[] units = target.codePoints().toArray();
            for (String text : texts.values()) {
                boolean all = true;
                for (int i = 0; i + 2 <= units.length && all; i++) {
                    all = text.contains(new String(units, i, 2));
                }
                count += all && !text.contains(target) ? 1 : 0;
            }
        }
        return count;
    }
}
