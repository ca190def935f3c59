package org.broadsheet.render.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class FeedWriterTest {
    private static final FeedItem HOSTILE = new FeedItem("https://example.org/a.html", "https://example.org/a.html",
            "标题<script>&\"王𬘭\"\u0001", "摘要 & <b>", "<p>正文 &amp; <a href=\"https://example.org/?a=1&amp;b=2\">链接</a></p>",
            "2025-12-12T00:00:00+08:00", List.of("张三"), List.of("普法"));
    private static final Feed FEED = new Feed("北疆法治报", "最新稿件", "zh-CN", "https://example.org/",
            "https://example.org/", "2025-12-12T23:59:59+08:00", List.of(HOSTILE));

    @Test
    void hostileTitlesStillGiveWellFormedXml() throws Exception {
        for (String xml : List.of(FeedWriter.rss(FEED), FeedWriter.atom(FEED))) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getElementsByTagName("title").item(1).getTextContent())
                    .isEqualTo("标题<script>&\"王𬘭\"");
        }
    }

    @Test
    void rfc822DatesKeepTheirOffsetAndEnglishNames() {
        assertThat(FeedWriter.rfc822("2025-12-12T00:00:00+08:00")).isEqualTo("Fri, 12 Dec 2025 00:00:00 +0800");
    }

    @Test
    void aLargeSiteGetsASitemapIndexWithNumberedParts() {
        List<SitemapWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(new SitemapWriter.Entry("https://example.org/" + i + ".html", "2025-12-12"));
        }
        List<SitemapWriter.File> files = SitemapWriter.sitemaps(entries, "https://example.org/", 3);
        assertThat(files).extracting(SitemapWriter.File::path)
                .containsExactly("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml");
        assertThat(files.get(0).text().get()).contains("<sitemapindex").contains("https://example.org/sitemap-3.xml");
        assertThat(files.get(3).text().get()).contains("6.html").doesNotContain("5.html");
        assertThat(SitemapWriter.sitemaps(entries, "https://example.org/", 7)).singleElement()
                .satisfies(file -> assertThat(file.text().get()).contains("<urlset"));
    }
}
