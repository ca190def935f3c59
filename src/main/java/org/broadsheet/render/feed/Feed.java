package org.broadsheet.render.feed;

import java.util.List;

/**
 * A feed of the newest stories, for the whole paper or one bureau.
 *
 * @param homeUrl  the page the feed belongs to (absolute)
 * @param selfUrl  the feed's own address, without the file name (absolute, ending in '/')
 * @param updated  "now" of the build, RFC 3339
 */
public record Feed(String title, String description, String language, String homeUrl, String selfUrl,
        String updated, List<FeedItem> items) {
    public Feed {
        items = List.copyOf(items);
    }
}
