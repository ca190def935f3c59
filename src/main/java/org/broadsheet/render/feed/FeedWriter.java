package org.broadsheet.render.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.render.Html;
import org.broadsheet.render.Json;
import org.broadsheet.render.PaperTime;

/**
 * Writes a {@link Feed} as RSS 2.0, Atom 1.0 and JSON Feed 1.1. Written by hand rather than through a
 * template so that the XML is well-formed whatever a headline contains.
 */
public final class FeedWriter {
    public static final String RSS = "rss.xml";
    public static final String ATOM = "atom.xml";
    public static final String JSON = "feed.json";

    private FeedWriter() {
    }

    public static String rss(Feed feed) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" ")
                .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        element(xml, "title", feed.title());
        element(xml, "link", feed.homeUrl());
        element(xml, "description", feed.description());
        element(xml, "language", feed.language());
        element(xml, "lastBuildDate", rfc822(feed.updated()));
        xml.append("<atom:link href=\"").append(escape(feed.selfUrl() + RSS))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        for (FeedItem item : feed.items()) {
            xml.append("<item>\n");
            element(xml, "title", item.title());
            element(xml, "link", item.url());
            xml.append("<guid isPermaLink=\"true\">").append(escape(item.url())).append("</guid>\n");
            element(xml, "pubDate", rfc822(item.published()));
            for (String author : item.authors()) {
                element(xml, "dc:creator", author);
            }
            for (String tag : item.tags()) {
                element(xml, "category", tag);
            }
            element(xml, "description", item.contentHtml());
            xml.append("</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return xml.toString();
    }

    public static String atom(Feed feed) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(escape(feed.language()))
                .append("\">\n");
        element(xml, "title", feed.title());
        element(xml, "subtitle", feed.description());
        element(xml, "id", feed.selfUrl() + ATOM);
        xml.append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(feed.selfUrl() + ATOM))
                .append("\"/>\n");
        xml.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(feed.homeUrl()))
                .append("\"/>\n");
        element(xml, "updated", feed.updated());
        xml.append("<author><name>").append(escape(feed.title())).append("</name></author>\n");
        for (FeedItem item : feed.items()) {
            xml.append("<entry>\n");
            element(xml, "title", item.title());
            element(xml, "id", item.id());
            xml.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(item.url()))
                    .append("\"/>\n");
            element(xml, "published", item.published());
            element(xml, "updated", item.published());
            for (String author : item.authors()) {
                xml.append("<author><name>").append(escape(author)).append("</name></author>\n");
            }
            for (String tag : item.tags()) {
                xml.append("<category term=\"").append(escape(tag)).append("\"/>\n");
            }
            element(xml, "summary", item.summary());
            xml.append("<content type=\"html\">").append(escape(item.contentHtml())).append("</content>\n");
            xml.append("</entry>\n");
        }
        xml.append("</feed>\n");
        return xml.toString();
    }

    public static String json(Feed feed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "https://jsonfeed.org/version/1.1");
        root.put("title", feed.title());
        root.put("home_page_url", feed.homeUrl());
        root.put("feed_url", feed.selfUrl() + JSON);
        root.put("description", feed.description());
        root.put("language", feed.language());
        List<Object> items = new ArrayList<>();
        for (FeedItem item : feed.items()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", item.id());
            entry.put("url", item.url());
            entry.put("title", item.title());
            entry.put("summary", item.summary());
            entry.put("content_html", item.contentHtml());
            entry.put("date_published", item.published());
            if (!item.authors().isEmpty()) {
                entry.put("authors", item.authors().stream().map(name -> (Object) Map.of("name", name)).toList());
            }
            if (!item.tags().isEmpty()) {
                entry.put("tags", item.tags());
            }
            items.add(entry);
        }
        root.put("items", items);
        return Json.write(root) + "\n";
    }

    static String rfc822(String rfc3339) {
        return PaperTime.rfc822(OffsetDateTime.parse(rfc3339));
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    /** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
    static String escape(String text) {
        int first = 0;
        while (first < text.length() && allowedInXml(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return Html.escape(text);
        }
        StringBuilder allowed = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (allowedInXml(c)) {
                allowed.append(c);
            }
        }
        return Html.escape(allowed.toString());
    }

    private static boolean allowedInXml(char c) {
        return (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') && c != 0xFFFE && c != 0xFFFF;
    }
}
