package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.broadsheet.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample archive, built end to end and read back as a reader's browser would. */
class SampleSiteTest {
    @TempDir
    static Path temp;
    static Path out;
    static BuildResult result;

    /** Written by hand from content/, so that a routing mistake cannot hide behind the code it tests. */
    static final List<String> EXPECTED_PAGES = List.of(
            "index.html", "404.html", "2025/index.html", "2025/12/index.html", "bureaus/index.html",
            "2025/12/10/index.html", "2025/12/11/index.html", "2025/12/12/index.html",
            "2025/12/10/01/index.html", "2025/12/10/02/index.html", "2025/12/10/03/index.html",
            "2025/12/10/04/index.html", "2025/12/11/01/index.html", "2025/12/11/02/index.html",
            "2025/12/11/03/index.html", "2025/12/11/04/index.html", "2025/12/12/01/index.html",
            "2025/12/12/02/index.html", "2025/12/12/03/index.html", "2025/12/12/04/index.html",
            "2025/12/10/01/01.html", "2025/12/10/01/02.html", "2025/12/10/01/03.html", "2025/12/10/01/04.html",
            "2025/12/10/02/01.html", "2025/12/10/02/02.html", "2025/12/10/02/03.html", "2025/12/10/02/04.html",
            "2025/12/10/02/05.html",
            "2025/12/10/03/01.html", "2025/12/10/03/02.html", "2025/12/10/03/04.html",
            "2025/12/10/04/01.html", "2025/12/10/04/02.html", "2025/12/10/04/03.html", "2025/12/10/04/04.html",
            "2025/12/11/01/01.html", "2025/12/11/01/02.html", "2025/12/11/01/03.html", "2025/12/11/01/04.html",
            "2025/12/11/02/01.html", "2025/12/11/02/02.html", "2025/12/11/02/04.html",
            "2025/12/11/03/01.html", "2025/12/11/03/02.html", "2025/12/11/03/03.html", "2025/12/11/03/04.html",
            "2025/12/11/03/05.html",
            "2025/12/11/04/01.html", "2025/12/11/04/02.html", "2025/12/11/04/03.html", "2025/12/11/04/04.html",
            "2025/12/12/01/xianfa-xuanchuan-zhou.html", "2025/12/12/01/02.html", "2025/12/12/01/03.html",
            "2025/12/12/01/04.html",
            "2025/12/12/02/01.html", "2025/12/12/02/02.html", "2025/12/12/02/03.html", "2025/12/12/02/04.html",
            "2025/12/12/03/01.html", "2025/12/12/03/02.html", "2025/12/12/03/03.html", "2025/12/12/03/04.html",
            "2025/12/12/04/01.html", "2025/12/12/04/02.html", "2025/12/12/04/03.html",
            "2025/12/12/04/普法小课堂.html",
            "bureaus/hohhot/index.html", "bureaus/baotou/index.html", "bureaus/hulunbuir/index.html",
            "bureaus/hinggan/index.html", "bureaus/tongliao/index.html", "bureaus/chifeng/index.html",
            "bureaus/xilingol/index.html", "bureaus/ulanqab/index.html", "bureaus/ordos/index.html",
            "bureaus/bayannur/index.html", "bureaus/wuhai/index.html", "bureaus/alxa/index.html",
            "pages/about.html", "pages/copyright.html");

    @BeforeAll
    static void buildSample() {
        Path site = TestSites.copySample(temp);
        out = temp.resolve("public");
        result = TestSites.build(BuildOptions.defaults(site).withOutput(out));
    }

    @Test
    void buildsWithoutProblems() {
        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        assertThat(result.stats().issues()).isEqualTo(3);
        assertThat(result.stats().pages()).isEqualTo(12);
    }

    @Test
    void everyExpectedPageExists() {
        assertThat(TestSites.files(out)).containsAll(EXPECTED_PAGES);
        assertThat(out.resolve("2025/12/12/01/xuanchuan.png")).exists();
        assertThat(out.resolve("static/style.css")).exists();
    }

    @Test
    void everyPageIsReachableByLinksAloneAndEveryLinkResolves() {
        Set<String> reached = new HashSet<>();
        List<String> broken = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of("index.html"));
        while (!queue.isEmpty()) {
            String page = queue.poll();
            if (!reached.add(page) || !page.endsWith(".html")) {
                continue;
            }
            Document doc = parse(page);
            for (Element element : doc.select("a[href], link[href], script[src], img[src]")) {
                String attribute = element.hasAttr("href") ? "href" : "src";
                String target = element.attr(attribute);
                if (target.startsWith("http:") || target.startsWith("https:") || target.startsWith("mailto:")
                        || target.startsWith("#")) {
                    continue;
                }
                String resolved = resolve(page, target);
                if (resolved == null || !Files.isRegularFile(out.resolve(resolved))) {
                    broken.add(page + " → " + target);
                } else {
                    queue.add(resolved);
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(reached).containsAll(EXPECTED_PAGES.stream().filter(p -> !p.equals("404.html")).toList());
    }

    @Test
    void articleHeadingsAreKickerTitleSubtitleInThatOrder() {
        // 2025-12-12 page 01: the lead story has a kicker; the fourth has a subtitle.
        Document lead = parse("2025/12/12/01/xianfa-xuanchuan-zhou.html");
        List<String> tags = lead.select("article h1, article h2, article h3").eachAttr("class");
        assertThat(tags).startsWith("kicker", "title");
        assertThat(lead.select("h1")).hasSize(1);
        Document withSubtitle = parse("2025/12/12/01/04.html");
        assertThat(withSubtitle.select("article h1, article h2, article h3").eachAttr("class"))
                .containsExactly("title", "subtitle");
    }

    @Test
    void datelineAndBylineArePrintedExactlyOnceInEveryArticle() {
        for (String page : EXPECTED_PAGES) {
            if (!page.matches("2025/12/\\d\\d/\\d\\d/.+\\.html") || page.endsWith("index.html")) {
                continue;
            }
            Document doc = parse(page);
            String story = doc.select("article.story").text();
            Element dateline = doc.selectFirst(".story-body p strong.dateline");
            assertThat(dateline).as(page).isNotNull();
            assertThat(occurrences(story, dateline.text())).as(page + " dateline").isEqualTo(1);
            assertThat(doc.select(".story-body p").first().child(0)).as(page).isEqualTo(dateline);
            Element byline = doc.selectFirst("article p.byline");
            assertThat(byline).as(page).isNotNull();
            assertThat(occurrences(story, byline.text())).as(page + " byline").isEqualTo(1);
            assertThat(byline.text()).matches("（.+）");
        }
    }

    @Test
    void personalBylinesAndSuppliedSourcesReadAsPrinted() {
        assertThat(parse("2025/12/12/01/02.html").selectFirst("p.byline").text()).isEqualTo("（呼和浩特市司法局供稿）");
        assertThat(TestSites.read(out.resolve("2025/12/12/01/02.html"))).contains("<figcaption>");
    }

    @Test
    void draftsAreLeftOutAndWithdrawnStoriesLeaveANoindexNotice() {
        assertThat(out.resolve("2025/12/11/02/03.html")).doesNotExist();
        Document withdrawn = parse("2025/12/10/03/03.html");
        assertThat(withdrawn.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(withdrawn.select("h1").text()).isEqualTo("稿件已撤回");
        assertThat(parse("2025/12/10/03/index.html").select("a[href=03.html]")).isEmpty();
    }

    @Test
    void issuePageListsEveryPageWithItsHeadlinesAndTheMastheadDate() {
        Document issue = parse("2025/12/12/index.html");
        assertThat(issue.select(".page-list > li > a.page-link").eachText())
                .containsExactly("第01版：要闻", "第02版：宪法宣传周", "第03版：法院·检察", "第04版：普法园地");
        assertThat(issue.select(".issue-line").text()).isEqualTo("2025年12月12日 星期五 总第5103期 特刊");
        assertThat(parse("2025/12/10/index.html").select(".page-list > li > a.page-link").first().text())
                .isEqualTo("A01：要闻");
    }

    @Test
    void monthPageIsACalendarLinkingTheDaysWithIssues() {
        Document month = parse("2025/12/index.html");
        assertThat(month.select("table.calendar thead th").eachText())
                .containsExactly("一", "二", "三", "四", "五", "六", "日");
        assertThat(month.select("table.calendar td.has-issue a").eachText()).containsExactly("10", "11", "12");
        // 1 December 2025 is a Monday: the first cell of the first week is day 1.
        assertThat(month.select("table.calendar tbody tr").first().child(0).text()).isEqualTo("1");
    }

    @Test
    void pageViewShowsBannerEditorsAndNeighbours() {
        Document page = parse("2025/12/10/02/index.html");
        assertThat(page.select(".banner").eachText()).containsExactly("走进包头 看法治");
        assertThat(page.select(".editors").text()).contains("责任编辑：");
        assertThat(page.select("a[rel=prev]").first().attr("href")).isEqualTo("../01/");
        assertThat(page.select("a[rel=next]").first().attr("href")).isEqualTo("../03/");
    }

    @Test
    void linksAreRelativeAndCanonicalIsAbsolute() {
        Document article = parse("2025/12/12/04/普法小课堂.html");
        assertThat(article.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://example.org/archive/2025/12/12/04/%E6%99%AE%E6%B3%95%E5%B0%8F%E8%AF%BE%E5%A0%82.html");
        for (Element link : parse("index.html").select("a[href]")) {
            String href = link.attr("href");
            assertThat(href.startsWith("/") || href.contains("example.org/archive")).as(href).isFalse();
        }
    }

    @Test
    void standalonePagesAreListedInEveryFooterInTheirOrder() {
        assertThat(parse("2025/12/12/01/02.html").select(".footer-pages a").eachText())
                .containsExactly("关于本报", "版权声明");
        assertThat(parse("pages/about.html").select("h1").text()).isEqualTo("关于本报");
    }

    private static Document parse(String page) {
        return Jsoup.parse(TestSites.read(out.resolve(page)));
    }

    /** Resolves a relative link from {@code page} to an output file, or null when it leaves the site. */
    static String resolve(String page, String href) {
        String path = href.split("[?#]", 2)[0];
        path = URLDecoder.decode(path, StandardCharsets.UTF_8);
        Path base = Path.of(page).getParent();
        Path target = (base == null ? Path.of(path) : base.resolve(path)).normalize();
        String result = target.toString().replace('\\', '/');
        if (result.startsWith("..")) {
            return null;
        }
        if (path.endsWith("/") || path.isEmpty() || path.equals(".")) {
            result = result.isEmpty() ? "index.html" : result + "/index.html";
        }
        return result;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
