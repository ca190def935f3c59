package org.broadsheet.importer;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A page text read and repaired: its header, its column banners, its stories in reading order, and the
 * decisions to review.
 *
 * @param charset the encoding the file was in
 */
public record ImportedPage(PageHeader header, List<String> banners, List<Story> stories, List<Review> reviews,
        Charset charset) {
    public ImportedPage {
        banners = List.copyOf(banners);
        stories = List.copyOf(stories);
        reviews = List.copyOf(reviews);
    }
}
