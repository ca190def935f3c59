package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample site built with search: the page, the header's box, and the index read back from the output. */
class SearchSiteTest {
    @TempDir
    static Path temp;
    static Path out;

    @BeforeAll
    static void buildSample() {
        Path site = TestSites.copySample(temp);
        out = temp.resolve("public");
        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(out));
        assertThat(result.problems()).isEmpty();
    }

    static IndexReader reader(Path output) {
        return new IndexReader(path -> TestSites.read(output.resolve(path)));
    }

    static List<String> titles(IndexReader reader, String query) {
        return reader.search(Query.parse(query), Integer.MAX_VALUE).stream().map(hit -> reader.display(hit).title())
                .toList();
    }

    @Test
    void theSearchPageHasItsResultsElementItsFiltersAndWordsForReadersWithoutJavaScript() throws IOException {
        Document page = Jsoup.parse(out.resolve("search/index.html").toFile(), "UTF-8");
        assertThat(page.select("h1").text()).isEqualTo("站内搜索");
        assertThat(page.getElementById("search-results")).isNotNull();
        assertThat(page.select("#search-form").attr("data-index")).isEqualTo("index.json");
        assertThat(page.select("script[src]").eachAttr("src")).contains("../static/search.js");
        assertThat(page.select("#search-bureau option").eachText()).contains("全部地区", "包头市", "阿拉善盟");
        assertThat(page.select("#search-nojs").text()).contains("JavaScript");
        assertThat(page.select("#search-nojs a").eachAttr("href")).contains("../2025/", "../bureaus/");
        assertThat(page.select("#search-more").text()).isEqualTo("更早的结果");
        assertThat(out.resolve("static/search.js")).exists();
    }

    @Test
    void everyPageHasASearchBoxSendingItsQueryToTheSearchPageByARelativeAddress() throws IOException {
        Map<String, String> pages = Map.of("index.html", "search/", "2025/12/12/03/02.html", "../../../../search/",
                "bureaus/baotou/page/2/index.html", "../../../../search/", "search/index.html", "./");
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            Document page = Jsoup.parse(out.resolve(entry.getKey()).toFile(), "UTF-8");
            assertThat(page.select("header form.search-box").attr("action")).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(page.select("header form.search-box input[name=q]")).as(entry.getKey()).hasSize(1);
        }
        assertThat(Jsoup.parse(out.resolve("404.html").toFile(), "UTF-8").select("form.search-box").attr("action"))
                .isEqualTo("/archive/search/");
    }

    @Test
    void theIndexFindsTheSampleStoriesAndNeverAWithdrawnOne() {
        IndexReader reader = reader(out);
        assertThat(titles(reader, "公益诉讼守护")).containsExactly("公益诉讼守护沙漠绿洲");
        List<IndexReader.Hit> hits = reader.search(Query.parse("梭梭林"), 10);
        assertThat(hits).isNotEmpty();
        IndexReader.Display shown = reader.display(hits.get(0));
        assertThat(shown.href()).isEqualTo("2025/12/12/03/02.html");
        assertThat(shown.page()).isEqualTo("第03版 法院·检察");
        assertThat(out.resolve(shown.href())).exists();
        // The withdrawn story's own words.
        assertThat(titles(reader, "巡回法庭开进冬季牧场")).isEmpty();
        assertThat(titles(reader, "牲畜买卖合同纠纷")).isEmpty();
        // A draft (content/2025/12/11/02/03.md) is not built, so not indexed.
        assertThat(titles(reader, "冬季安全生产法治宣传进企业")).isEmpty();
        assertThat(titles(reader, "法院")).hasSizeGreaterThan(10);
    }

    @Test
    void anEditRewritesOnlyTheSegmentHoldingTheStoryAndTheDirectoryEntriesOfTermsItAddsOrDrops() throws IOException {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 8, 1),
                LocalDate.of(2024, 11, 1));
        Path site = TestSites.storyADay(temp.resolve("quarters"), "Asia/Shanghai", dates);
        Path output = temp.resolve("quarters-public");
        TestSites.build(BuildOptions.defaults(site).withOutput(output));
        Map<String, String> before = searchFiles(output);
        assertThat(before).containsKeys("search/index.json", "search/2024-1/meta.json", "search/2024-4/s0.json",
                "search/terms/0.json");
        assertThat(titles(reader(output), "正文")).hasSize(4);

        Path story = site.resolve("content/2024/05/01/01/01.md");
        TestSites.write(story, TestSites.read(story).replace("正文。", "正文。鄂尔多斯市法院审结一起案件。"));
        TestSites.build(BuildOptions.defaults(site).withOutput(output));

        Map<String, String> after = searchFiles(output);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<String> changed = changed(before, after);
        assertThat(changed).isNotEmpty().allMatch(file -> file.startsWith("search/2024-2/")
                || file.startsWith("search/terms/"));
        // A terms file changed exactly when one of its terms appeared in (or left) a quarter: here the new words'.
        Map<String, String> entriesBefore = entries(before);
        Map<String, String> entriesAfter = entries(after);
        Set<String> moved = new TreeSet<>(entriesAfter.keySet());
        moved.removeIf(term -> entriesAfter.get(term).equals(entriesBefore.get(term)));
        assertThat(moved).contains("鄂尔", "多斯", "鄂").allMatch(term -> "鄂尔多斯市法院审结一起案件".contains(term));
        int files = TermDirectory.fileCount(4);
        assertThat(changed.stream().filter(file -> file.startsWith("search/terms/")).toList())
                .containsExactlyInAnyOrderElementsOf(moved.stream().map(term -> SearchLayout.terms(
                        TermDirectory.fileOf(term, files))).distinct().toList());
        assertThat(titles(reader(output), "鄂尔多斯")).containsExactly("2024-05-01日本报要闻");
        // What the edit kept of the directory is what a build from nothing writes.
        Path cold = temp.resolve("quarters-cold");
        TestSites.build(BuildOptions.defaults(site).withOutput(cold).withCache(false));
        assertThat(searchFiles(cold)).isEqualTo(after);

        // An edit that brings no new term and drops none rewrites no terms file.
        Path other = site.resolve("content/2024/08/01/01/01.md");
        TestSites.write(other, TestSites.read(other).replace("正文。", "正文。正文。"));
        TestSites.build(BuildOptions.defaults(site).withOutput(output));
        List<String> again = changed(after, searchFiles(output));
        assertThat(again).isNotEmpty().allMatch(file -> file.startsWith("search/2024-3/"));
    }

    @Test
    void aTermsFileDeletedByHandIsMadeAgainAsItWas() throws IOException {
        Path site = TestSites.storyADay(temp.resolve("deleted"), "Asia/Shanghai",
                List.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 5, 1), LocalDate.of(2025, 2, 1)));
        Path output = temp.resolve("deleted-public");
        TestSites.build(BuildOptions.defaults(site).withOutput(output));
        Map<String, String> before = searchFiles(output);
        // The render memory notices the missing file, and the rebuilt directory is the one a build from nothing makes.
        Files.delete(output.resolve(SearchLayout.terms(0)));
        TestSites.build(BuildOptions.defaults(site).withOutput(output));
        assertThat(searchFiles(output)).isEqualTo(before);
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(file -> !after.get(file).equals(before.get(file))).toList();
    }

    /** Every term of the directory files among {@code files}, with its entry. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> entries(Map<String, String> files) {
        Map<String, String> entries = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.startsWith("search/terms/")) {
                Map<String, Object> json = (Map<String, Object>) MiniJson.parse(text);
                List<String> terms = (List<String>) json.get("t");
                for (int i = 0; i < terms.size(); i++) {
                    entries.put(terms.get(i), ((List<String>) json.get("s")).get(i));
                }
            }
        });
        return entries;
    }

    @Test
    void theIndexIsTheSameWhateverTheThreads() {
        Path site = TestSites.copySample(temp.resolve("threads"));
        Path one = temp.resolve("one-thread");
        TestSites.build(BuildOptions.defaults(site).withOutput(one).withThreads(1));
        assertThat(searchFiles(one)).isEqualTo(searchFiles(out));
    }

    private static Map<String, String> searchFiles(Path output) {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(output.resolve("search"))) {
            walk.filter(Files::isRegularFile).forEach(file -> files.put(
                    output.relativize(file).toString().replace('\\', '/'), TestSites.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
