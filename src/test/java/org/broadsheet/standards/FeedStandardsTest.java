package org.broadsheet.standards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample's feeds, the site's and a bureau's, read by tools and rules that are not ours: RSS 2.0 and Atom
 * (RFC 4287) through Rome, the feed library many Java readers use, and JSON Feed 1.1 against its specification's
 * required and typed fields. Rome is lenient (a date it cannot read becomes null, a missing element an empty
 * value), so each required element is checked after it has parsed the feed.
 */
class FeedStandardsTest {
    /** The sample's baseUrl (site.yml). */
    private static final String BASE = "https://example.org/archive/";
    /** The newest issue's day starts then: the sample's newest stories carry it. */
    private static final Instant NEWEST = OffsetDateTime.parse("2025-12-12T00:00:00+08:00").toInstant();
    private static final Set<String> JSON_FEED_TOP_LEVEL = Set.of("version", "title", "home_page_url", "feed_url",
            "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs",
            "items");
    private static final Set<String> JSON_FEED_ITEM = Set.of("id", "url", "external_url", "title", "content_html",
            "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags",
            "language", "attachments");

    @TempDir
    static Path temp;
    static Path out;

    @BeforeAll
    static void buildSample() {
        out = BuiltSample.build(temp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bureaus/baotou/"})
    void rssIsRss20WithEveryRequiredElement(String folder) throws Exception {
        WireFeed wire = new WireFeedInput().build(out.resolve(folder + "rss.xml").toFile());
        assertThat(wire.getFeedType()).isEqualTo("rss_2.0");
        Channel channel = (Channel) wire;
        assertThat(channel.getTitle()).isNotBlank();
        assertAbsolute(channel.getLink());
        assertThat(channel.getDescription()).isNotBlank();
        assertThat(channel.getLanguage()).isEqualTo("zh-CN");
        assertThat(channel.getLastBuildDate()).as("lastBuildDate in RFC 822 form").isNotNull();
        assertThat(channel.getItems()).isNotEmpty();
        Set<String> guids = new HashSet<>();
        for (Item item : channel.getItems()) {
            assertThat(item.getTitle()).isNotBlank();
            assertAbsolute(item.getLink());
            assertThat(item.getGuid()).isNotNull();
            assertThat(guids.add(item.getGuid().getValue())).as("guid %s is unique", item.getGuid().getValue()).isTrue();
            assertThat(item.getPubDate()).as("pubDate of %s in RFC 822 form", item.getLink()).isNotNull();
            assertThat(item.getDescription().getValue()).isNotBlank();
        }
        assertThat(channel.getItems().get(0).getPubDate().toInstant()).isEqualTo(NEWEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bureaus/baotou/"})
    void atomIsRfc4287WithEveryRequiredElement(String folder) throws Exception {
        WireFeed wire = new WireFeedInput().build(out.resolve(folder + "atom.xml").toFile());
        assertThat(wire.getFeedType()).isEqualTo("atom_1.0");
        Feed feed = (Feed) wire;
        assertAbsolute(feed.getId());
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).as("feed updated in RFC 3339 form").isNotNull();
        assertThat(feed.getOtherLinks()).anySatisfy(link -> assertThat(link.getRel()).isEqualTo("self"));
        assertThat(feed.getEntries()).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Entry entry : feed.getEntries()) {
            assertThat(ids.add(entry.getId())).as("id %s is unique", entry.getId()).isTrue();
            assertAbsolute(entry.getId());
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getUpdated()).as("updated of %s in RFC 3339 form", entry.getId()).isNotNull();
            assertThat(entry.getPublished()).as("published of %s in RFC 3339 form", entry.getId()).isNotNull();
            // RFC 4287 4.1.1: an entry without content needs an alternate link; ours have both.
            assertThat(entry.getAlternateLinks()).extracting(Link::getHref).singleElement()
                    .satisfies(FeedStandardsTest::assertAbsolute);
            assertThat(entry.getContents()).isNotEmpty();
            // RFC 4287 4.1.1: every entry has an author, its own or the feed's.
            assertThat(entry.getAuthors().isEmpty() && feed.getAuthors().isEmpty()).as("author of %s", entry.getId())
                    .isFalse();
        }
        assertThat(feed.getEntries().get(0).getPublished().toInstant()).isEqualTo(NEWEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bureaus/baotou/"})
    void jsonFeedHasJsonFeed11sRequiredAndTypedFields(String folder) throws Exception {
        JsonNode feed = new ObjectMapper().readTree(TestSites.read(out.resolve(folder + "feed.json")));
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").isTextual()).isTrue();
        assertThat(fieldNames(feed)).as("top-level fields JSON Feed 1.1 defines (or extensions starting with _)")
                .allMatch(name -> JSON_FEED_TOP_LEVEL.contains(name) || name.startsWith("_"));
        assertAbsolute(feed.path("home_page_url").asText());
        assertThat(feed.path("feed_url").asText()).isEqualTo(BASE + folder + "feed.json");
        assertThat(feed.path("items").isArray()).isTrue();
        assertThat(feed.path("items")).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (JsonNode item : feed.path("items")) {
            assertThat(fieldNames(item)).allMatch(name -> JSON_FEED_ITEM.contains(name) || name.startsWith("_"));
            assertThat(item.path("id").isTextual()).as("id is a string").isTrue();
            assertThat(ids.add(item.path("id").asText())).as("id %s is unique", item.path("id")).isTrue();
            assertThat(item.path("content_html").isTextual() || item.path("content_text").isTextual())
                    .as("content_html or content_text of %s", item.path("id")).isTrue();
            assertAbsolute(item.path("url").asText());
            OffsetDateTime.parse(item.path("date_published").asText()); // RFC 3339, with its offset
            if (item.has("date_modified")) {
                OffsetDateTime.parse(item.path("date_modified").asText());
            }
            for (JsonNode author : item.path("authors")) {
                assertThat(author.path("name").isTextual()).as("an author's name").isTrue();
            }
            for (JsonNode tag : item.path("tags")) {
                assertThat(tag.isTextual()).as("tags are strings").isTrue();
            }
        }
        assertThat(OffsetDateTime.parse(feed.path("items").get(0).path("date_published").asText()).toInstant())
                .isEqualTo(NEWEST);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static void assertAbsolute(String url) {
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).as("%s is absolute", url).isTrue();
        assertThat(uri.getScheme()).as(url).isIn("http", "https");
    }
}
