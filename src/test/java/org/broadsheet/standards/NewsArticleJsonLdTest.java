package org.broadsheet.standards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.broadsheet.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON-LD of every story page of the sample, held to what schema.org's NewsArticle and Google's article
 * rich results expect: the required and recommended properties present, and each of the type schema.org gives it
 * (text, an ISO 8601 date-time with its offset, a Person or Organization with a name, absolute URLs).
 */
class NewsArticleJsonLdTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AUTHOR_TYPES = Set.of("Person", "Organization");

    @TempDir
    static Path temp;
    static Path out;
    static List<String> storyPages;

    @BeforeAll
    static void buildSample() {
        out = BuiltSample.build(temp);
        storyPages = BuiltSample.htmlFiles(out).stream()
                .filter(page -> page.matches("\\d{4}/\\d{2}/\\d{2}/\\d{2}/[^/]+\\.html"))
                .filter(page -> !page.endsWith("/index.html")).toList();
    }

    @Test
    void everyStoryButTheWithdrawnOneIsANewsArticle() {
        List<String> without = new ArrayList<>();
        for (String page : storyPages) {
            if (Jsoup.parse(TestSites.read(out.resolve(page))).selectFirst("script[type=application/ld+json]") == null) {
                without.add(page);
            }
        }
        // The withdrawn story's address answers with a notice, which is no article.
        assertThat(without).containsExactly("2025/12/10/03/03.html");
        assertThat(storyPages).hasSizeGreaterThan(40);
    }

    @Test
    void everyNewsArticleHasGooglesPropertiesTypedAsSchemaOrgSays() throws Exception {
        for (String page : storyPages) {
            Document doc = Jsoup.parse(TestSites.read(out.resolve(page)));
            Element script = doc.selectFirst("script[type=application/ld+json]");
            if (script == null) {
                continue;
            }
            JsonNode data = JSON.readTree(script.data());
            String where = page + ": ";
            assertThat(data.path("@context").asText()).as(where + "@context").isEqualTo("https://schema.org");
            assertThat(data.path("@type").asText()).as(where + "@type").isEqualTo("NewsArticle");
            assertThat(data.path("headline").isTextual()).as(where + "headline is text").isTrue();
            assertThat(data.path("headline").asText()).as(where + "headline").isEqualTo(doc.selectFirst("h1").text())
                    .hasSizeLessThanOrEqualTo(110);
            OffsetDateTime published = dateTime(data, "datePublished", where);
            OffsetDateTime modified = dateTime(data, "dateModified", where);
            assertThat(modified).as(where + "dateModified").isAfterOrEqualTo(published);
            assertThat(data.path("author").isArray()).as(where + "author is a list").isTrue();
            assertThat(data.path("author")).as(where + "author").isNotEmpty().allSatisfy(author -> {
                assertThat(author.path("@type").asText()).as(where + "author @type").isIn(AUTHOR_TYPES);
                assertThat(author.path("name").isTextual()).as(where + "author name is text").isTrue();
                assertThat(author.path("name").asText()).as(where + "author name").isNotBlank();
            });
            assertThat(data.path("publisher").path("@type").asText()).as(where + "publisher").isEqualTo("Organization");
            assertThat(data.path("publisher").path("name").asText()).as(where + "publisher name").isEqualTo("北疆法治报");
            String canonical = doc.selectFirst("link[rel=canonical]").attr("href");
            assertThat(data.path("mainEntityOfPage").asText()).as(where + "mainEntityOfPage").isEqualTo(canonical);
            assertThat(data.path("url").asText()).as(where + "url").isEqualTo(canonical);
            int bodyImages = doc.select(".story-body img").size();
            if (bodyImages == 0) {
                assertThat(data.has("image")).as(where + "no image without one in the story").isFalse();
            } else {
                assertThat(data.path("image").isArray()).as(where + "image").isTrue();
                List<String> images = new ArrayList<>();
                data.path("image").forEach(image -> images.add(image.asText()));
                assertThat(images).as(where + "image").isNotEmpty().allSatisfy(NewsArticleJsonLdTest::assertAbsolute);
                assertThat(images).as(where + "one image per picture in the story").hasSize(bodyImages);
            }
            assertThat(data.path("inLanguage").asText()).as(where + "inLanguage").isEqualTo("zh-CN");
            assertThat(data.path("description").isTextual()).as(where + "description is text").isTrue();
            JsonNode issue = data.path("isPartOf");
            assertThat(issue.path("@type").asText()).as(where + "isPartOf").isEqualTo("PublicationIssue");
            dateTime(issue, "datePublished", where + "isPartOf ");
            assertThat(issue.path("isPartOf").path("@type").asText()).as(where + "periodical").isEqualTo("Periodical");
        }
    }

    @Test
    void aStoryWithAPictureNamesItAsItsImage() throws Exception {
        JsonNode data = JSON.readTree(Jsoup.parse(TestSites.read(out.resolve("2025/12/12/01/02.html")))
                .selectFirst("script[type=application/ld+json]").data());
        assertThat(data.path("image").get(0).asText()).isEqualTo("https://example.org/archive/2025/12/12/01/xuanchuan.png");
    }

    @Test
    void aStoryWithoutBylineIsAttributedToWhoSuppliedItOrToThePaper() throws Exception {
        JsonNode supplied = JSON.readTree(Jsoup.parse(TestSites.read(out.resolve("2025/12/12/01/02.html")))
                .selectFirst("script[type=application/ld+json]").data());
        assertThat(supplied.path("author").get(0).path("@type").asText()).isEqualTo("Organization");
        assertThat(supplied.path("author").get(0).path("name").asText()).isEqualTo("呼和浩特市司法局");
    }

    private static OffsetDateTime dateTime(JsonNode data, String field, String where) {
        assertThat(data.path(field).isTextual()).as(where + field + " is text").isTrue();
        String value = data.path(field).asText();
        assertThat(value).as(where + field + " is ISO 8601 with an offset")
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)");
        return OffsetDateTime.parse(value);
    }

    private static void assertAbsolute(String url) {
        URI uri = URI.create(url);
        assertThat(uri.getScheme()).as(url).isIn("http", "https");
    }
}
