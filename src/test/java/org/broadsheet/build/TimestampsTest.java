package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every timestamp of a built site (RSS, Atom, JSON Feed, JSON-LD, Open Graph, sitemaps) follows its format's
 * grammar, names the issue's day, and agrees with the others, also for issues printed before their zone
 * left local mean time (Asia/Shanghai: +08:05:43 until 1901), and in zones whose offsets were below or
 * above Greenwich, in summer time and in odd half minutes.
 */
class TimestampsTest {
    /** RFC 3339's date-time: an offset has hours and minutes only. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    /** The W3C datetime of sitemaps: a date, or a date and time with an offset of hours and minutes. */
    private static final Pattern W3C_DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?");
    /** RFC 822's date-time as RSS 2.0 uses it: four-digit year, numeric four-digit offset. */
    private static final Pattern RFC_822 = Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
    private static final String BASE = "https://example.org/archive/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    Path out;
    ZoneId zone;

    /** A paper's time zone and its latest issue's day; the day before has an issue too. */
    static Stream<Arguments> papers() {
        return Stream.of(
                Arguments.of("Asia/Shanghai", "1872-05-01"), // local mean time, +08:05:43
                Arguments.of("Asia/Shanghai", "1900-12-31"),
                Arguments.of("Asia/Shanghai", "1901-01-01"), // the day before is the last of +08:05:43
                Arguments.of("Asia/Shanghai", "1949-10-01"),
                Arguments.of("Asia/Shanghai", "2025-12-12"),
                Arguments.of("America/New_York", "1872-05-01"), // −04:56:02: rounding toward zero is a day late
                Arguments.of("Europe/Dublin", "1916-07-01"), // summer time of −00:25:21: +00:34:39
                Arguments.of("Africa/Monrovia", "1960-01-01")); // −00:44:30 until 1972
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("papers")
    void everyTimestampFollowsItsFormatAndNamesTheIssuesDay(String timeZone, String latest) throws Exception {
        LocalDate day = LocalDate.parse(latest);
        LocalDate before = day.minusDays(1);
        buildStoryADay(timeZone, List.of(before, day));
        Map<String, List<Instant>> instantsByStory = new HashMap<>();

        Element channel = (Element) xml("rss.xml").getElementsByTagName("channel").item(0);
        OffsetDateTime lastBuild = rfc822(text(channel, "lastBuildDate"));
        assertThat(lastBuild.toLocalDate()).isEqualTo(day);
        NodeList items = channel.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            OffsetDateTime published = rfc822(text(item, "pubDate"));
            thenStartsTheDayOf(published, storyDay(text(item, "link")));
            remember(instantsByStory, text(item, "link"), published);
        }

        org.w3c.dom.Document atom = xml("atom.xml");
        Element feed = atom.getDocumentElement();
        OffsetDateTime updated = rfc3339(text(feed, "updated"));
        assertThat(updated.toLocalDate()).isEqualTo(day);
        assertThat(updated.toInstant()).isEqualTo(lastBuild.toInstant());
        NodeList entries = atom.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String link = ((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href");
            OffsetDateTime published = rfc3339(text(entry, "published"));
            assertThat(rfc3339(text(entry, "updated"))).isEqualTo(published);
            thenStartsTheDayOf(published, storyDay(link));
            remember(instantsByStory, link, published);
        }

        for (JsonNode item : JSON.readTree(TestSites.read(out.resolve("feed.json"))).get("items")) {
            OffsetDateTime published = rfc3339(item.get("date_published").asText());
            thenStartsTheDayOf(published, storyDay(item.get("url").asText()));
            remember(instantsByStory, item.get("url").asText(), published);
        }

        NodeList news = xml("news-sitemap.xml").getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9",
                "url");
        // Google News reads the last 48 hours; where the day before was longer (+08:05 to +08:00) it falls out.
        assertThat(news.getLength()).isBetween(1, 2);
        for (int i = 0; i < news.getLength(); i++) {
            Element url = (Element) news.item(i);
            String date = text(url, "publication_date");
            assertThat(date).matches(W3C_DATETIME);
            OffsetDateTime published = rfc3339(date);
            thenStartsTheDayOf(published, storyDay(text(url, "loc")));
            remember(instantsByStory, text(url, "loc"), published);
        }

        NodeList lastModified = xml("sitemap.xml").getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9",
                "lastmod");
        assertThat(lastModified.getLength()).isGreaterThan(0);
        for (int i = 0; i < lastModified.getLength(); i++) {
            assertThat(lastModified.item(i).getTextContent()).matches(W3C_DATETIME);
        }

        for (LocalDate date : List.of(before, day)) {
            String url = BASE + String.format("%04d/%02d/%02d/01/01.html", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth());
            Document page = Jsoup.parse(TestSites.read(out.resolve(url.substring(BASE.length()))));
            JsonNode data = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
            OffsetDateTime published = rfc3339(data.get("datePublished").asText());
            thenStartsTheDayOf(published, date);
            assertThat(rfc3339(data.get("isPartOf").get("datePublished").asText())).isEqualTo(published);
            assertThat(rfc3339(page.select("meta[property=article:published_time]").attr("content")))
                    .isEqualTo(published);
            remember(instantsByStory, url, published);
        }

        // RSS, Atom, JSON Feed, JSON-LD and (for the last 48 hours) the news sitemap: one instant per story.
        assertThat(instantsByStory).hasSize(2).allSatisfy((story, instants) -> {
            assertThat(instants).as(story).hasSizeBetween(4, 5);
            assertThat(instants).as(story).containsOnly(instants.get(0));
        });
    }

    private void buildStoryADay(String timeZone, List<LocalDate> dates) {
        zone = ZoneId.of(timeZone);
        out = temp.resolve("public");
        BuildResult result = TestSites.build(BuildOptions.defaults(TestSites.storyADay(temp, timeZone, dates))
                .withOutput(out));
        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
    }

    /**
     * The start of {@code day}: shown as the day's midnight, and an instant on that day under the zone's own
     * rules, which is how a feed reader that knows the zone reads it.
     */
    private void thenStartsTheDayOf(OffsetDateTime published, LocalDate day) {
        assertThat(published.toLocalDateTime()).isEqualTo(day.atStartOfDay());
        assertThat(published.atZoneSameInstant(zone).toLocalDate()).isEqualTo(day);
    }

    private static LocalDate storyDay(String url) {
        return LocalDate.parse(url.substring(BASE.length(), BASE.length() + 10).replace('/', '-'));
    }

    private static void remember(Map<String, List<Instant>> instants, String story, OffsetDateTime time) {
        instants.computeIfAbsent(story, key -> new ArrayList<>()).add(time.toInstant());
    }

    private static OffsetDateTime rfc3339(String text) {
        assertThat(text).matches(RFC_3339);
        return OffsetDateTime.parse(text);
    }

    /** Parsed as RFC 1123 (RFC 822 with four-digit years), which also checks the day of the week. */
    private static OffsetDateTime rfc822(String text) {
        assertThat(text).matches(RFC_822);
        return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private org.w3c.dom.Document xml(String file) {
        return TestSites.xml(out.resolve(file));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        return nodes.item(0).getTextContent();
    }
}
