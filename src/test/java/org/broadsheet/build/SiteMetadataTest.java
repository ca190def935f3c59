package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Feeds, sitemaps, robots.txt, JSON-LD and Open Graph of the sample, read with real XML and JSON parsers. */
class SiteMetadataTest {
    private static final String BASE = "https://example.org/archive/";
    private static final String WITHDRAWN = "2025/12/10/03/03.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path out;

    @BeforeAll
    static void buildSample() {
        out = temp.resolve("public");
        BuildResult result = TestSites.build(BuildOptions.defaults(TestSites.copySample(temp)).withOutput(out));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void rssHasItsRequiredElementsAndNewestStoriesFirst() throws Exception {
        org.w3c.dom.Document rss = xml("rss.xml");
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertThat(text(channel, "title")).isEqualTo("北疆法治报");
        assertThat(text(channel, "link")).isEqualTo(BASE);
        assertThat(text(channel, "lastBuildDate")).isEqualTo("Fri, 12 Dec 2025 23:59:59 +0800");
        NodeList items = rss.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(20);
        Element first = (Element) items.item(0);
        assertThat(text(first, "title")).isEqualTo("全区广泛开展“宪法宣传周”系列活动");
        assertThat(text(first, "link")).isEqualTo(BASE + "2025/12/12/01/xianfa-xuanchuan-zhou.html");
        assertThat(text(first, "pubDate")).isEqualTo("Fri, 12 Dec 2025 00:00:00 +0800");
        assertThat(text(first, "description")).contains("<strong class=\"dateline\">本报讯</strong>");
    }

    @Test
    void atomEntriesHaveIdsTitlesDatesAndAbsoluteImageLinks() throws Exception {
        org.w3c.dom.Document atom = xml("atom.xml");
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(20);
        String photoStory = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertThat(text(entry, "id")).startsWith(BASE);
            assertThat(text(entry, "updated")).matches("2025-12-1[0-2]T00:00:00\\+08:00");
            if (text(entry, "title").equals("宪法宣传走上街头")) {
                photoStory = text(entry, "content");
            }
        }
        assertThat(photoStory).contains("src=\"" + BASE + "2025/12/12/01/xuanchuan.png\"");
    }

    @Test
    void jsonFeedIsValidJsonFeedOnePointOne() throws Exception {
        JsonNode feed = JSON.readTree(TestSites.read(out.resolve("feed.json")));
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("feed_url").asText()).isEqualTo(BASE + "feed.json");
        assertThat(feed.get("items")).hasSize(20);
        for (JsonNode item : feed.get("items")) {
            assertThat(item.get("id").asText()).startsWith(BASE);
            assertThat(item.get("content_html").asText()).isNotEmpty();
        }
    }

    @Test
    void everyBureauHasItsOwnFeedsHoldingOnlyItsStories() throws Exception {
        JsonNode baotou = JSON.readTree(TestSites.read(out.resolve("bureaus/baotou/feed.json")));
        assertThat(baotou.get("title").asText()).isEqualTo("北疆法治报 · 包头市");
        List<String> urls = new ArrayList<>();
        baotou.get("items").forEach(item -> urls.add(item.get("url").asText()));
        assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(BASE + "2025/12/"));
        assertThat(urls).contains(BASE + "2025/12/10/02/01.html");
        assertThat(xml("bureaus/baotou/rss.xml").getElementsByTagName("item").getLength()).isEqualTo(urls.size());
        assertThat(xml("bureaus/alxa/atom.xml").getDocumentElement().getLocalName()).isEqualTo("feed");
    }

    @Test
    void sitemapListsEveryPageButNoWithdrawnStoryOrRedirect() throws Exception {
        NodeList locs = xml("sitemap.xml").getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9",
                "loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        assertThat(urls).contains(BASE, BASE + "2025/12/12/", BASE + "2025/12/12/01/",
                BASE + "2025/12/12/01/xianfa-xuanchuan-zhou.html", BASE + "bureaus/baotou/page/2/",
                BASE + "pages/about.html");
        assertThat(urls).doesNotContain(BASE + WITHDRAWN, BASE + "html/2025-12/12/content_5103001.htm",
                BASE + "404.html");
        assertThat(urls).doesNotHaveDuplicates();
    }

    @Test
    void newsSitemapHoldsOnlyTheLastTwoDays() throws Exception {
        NodeList dates = xml("news-sitemap.xml").getElementsByTagNameNS(
                "http://www.google.com/schemas/sitemap-news/0.9", "publication_date");
        assertThat(dates.getLength()).isGreaterThan(0);
        for (int i = 0; i < dates.getLength(); i++) {
            assertThat(dates.item(i).getTextContent()).isIn("2025-12-11T00:00:00+08:00", "2025-12-12T00:00:00+08:00");
        }
    }

    @Test
    void withdrawnStoriesAppearInNoFeed() {
        for (String file : List.of("rss.xml", "atom.xml", "feed.json", "news-sitemap.xml",
                "bureaus/hohhot/rss.xml")) {
            assertThat(TestSites.read(out.resolve(file))).as(file).doesNotContain(WITHDRAWN);
        }
    }

    @Test
    void robotsPointsToTheSitemap() {
        assertThat(TestSites.read(out.resolve("robots.txt"))).contains("Sitemap: " + BASE + "sitemap.xml");
    }

    @Test
    void articlesCarryNewsArticleJsonLdAndOpenGraph() throws Exception {
        Document page = Jsoup.parse(TestSites.read(out.resolve("2025/12/12/01/02.html")));
        JsonNode data = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(data.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(data.get("headline").asText()).isEqualTo("宪法宣传走上街头");
        assertThat(data.get("datePublished").asText()).isEqualTo("2025-12-12T00:00:00+08:00");
        assertThat(data.get("dateline").asText()).isEqualTo("呼和浩特讯");
        assertThat(data.get("printSection").asText()).isEqualTo("要闻");
        assertThat(data.get("printEdition").asText()).isEqualTo("特刊");
        assertThat(data.get("locationCreated").get("name").asText()).isEqualTo("呼和浩特市");
        assertThat(data.get("sourceOrganization").get("name").asText()).isEqualTo("呼和浩特市司法局");
        assertThat(data.get("isPartOf").get("issueNumber").asText()).isEqualTo("5103");
        assertThat(page.select("meta[property=og:locale]").attr("content")).isEqualTo("zh_CN");
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=article:published_time]").attr("content"))
                .isEqualTo("2025-12-12T00:00:00+08:00");

        JsonNode byAuthors = JSON.readTree(Jsoup.parse(TestSites.read(out.resolve("2025/12/12/01/03.html")))
                .selectFirst("script[type=application/ld+json]").data());
        assertThat(byAuthors.get("author").get(0).get("@type").asText()).isEqualTo("Person");
    }

    @Test
    void legacyAddressesRedirectToTheirArticle() {
        Document redirect = Jsoup.parse(TestSites.read(out.resolve("html/2025-12/12/content_5103001.htm")));
        assertThat(redirect.select("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo("0; url=../../../2025/12/12/01/xianfa-xuanchuan-zhou.html");
        assertThat(redirect.select("link[rel=canonical]").attr("href"))
                .isEqualTo(BASE + "2025/12/12/01/xianfa-xuanchuan-zhou.html");
        assertThat(redirect.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void aStoryThatJumpsPagesIsListedOnBothWithNotesWhereItBreaks() {
        Document story = Jsoup.parse(TestSites.read(out.resolve("2025/12/11/01/02.html")));
        assertThat(story.select(".story-body p.jump").eachText()).containsExactly("（转第03版）", "（接第01版）");
        assertThat(story.select(".story-body p.jump").first().previousElementSibling().text()).endsWith("形成保护合力。");
        Document page3 = Jsoup.parse(TestSites.read(out.resolve("2025/12/11/03/index.html")));
        assertThat(page3.select(".continued a").attr("href")).isEqualTo("../01/02.html");
        assertThat(page3.select(".continued .context").text()).isEqualTo("接第01版");
    }

    @Test
    void aPageScanLinksEachStoryAreaAndOffersThePdf() {
        Document page = Jsoup.parse(TestSites.read(out.resolve("2025/12/12/01/index.html")));
        assertThat(page.select(".scan-image img").attr("src")).isEqualTo("scan.png");
        assertThat(page.select(".scan-area")).hasSize(4);
        assertThat(page.select(".scan-area").first().attr("style"))
                .isEqualTo("left:4%;top:14%;width:60%;height:34%");
        assertThat(page.select(".scan-area").first().attr("href")).isEqualTo("xianfa-xuanchuan-zhou.html");
        assertThat(page.select(".scan-pdf a").attr("href")).isEqualTo("page.pdf");
        assertThat(out.resolve("2025/12/12/01/page.pdf")).exists();
    }

    @Test
    void issueCalendarAndBureauPaginationLinkOnward() {
        Document bureau = Jsoup.parse(TestSites.read(out.resolve("bureaus/baotou/index.html")));
        assertThat(bureau.select(".pagination a").eachText()).contains("2", "下一页", "末页");
        Document second = Jsoup.parse(TestSites.read(out.resolve("bureaus/baotou/page/2/index.html")));
        assertThat(second.select(".pagination a").eachText()).contains("首页", "上一页", "1");
        assertThat(second.select(".pagination [aria-current=page]").text()).isEqualTo("2");
    }

    private static org.w3c.dom.Document xml(String file) {
        return TestSites.xml(out.resolve(file));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        if (nodes.getLength() == 0) {
            nodes = parent.getElementsByTagName(tag);
        }
        return nodes.item(0).getTextContent();
    }
}
