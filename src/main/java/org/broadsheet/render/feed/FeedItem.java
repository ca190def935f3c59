package org.broadsheet.render.feed;

import java.util.List;

/**
 * One story as feeds carry it. URLs are absolute; {@code contentHtml} has its links made absolute too, since
 * feed readers show it away from the site.
 *
 * @param published an RFC 3339 timestamp with offset, e.g. 2025-12-12T00:00:00+08:00
 */
public record FeedItem(String id, String url, String title, String summary, String contentHtml,
        String published, List<String> authors, List<String> tags) {
    public FeedItem {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
    }
}
