package org.broadsheet.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A printed page (版面) of one issue.
 *
 * @param label    what the paper prints as the page's name (A01); empty to use 第NN版
 * @param articles the page's published stories in reading order (withdrawn ones are not here)
 * @param assets   files beside the page's articles (photos, the page scan, its PDF), copied to the output
 */
public record Page(
        LocalDate date,
        int number,
        String label,
        String section,
        List<Editor> editors,
        List<String> banners,
        Optional<String> image,
        Optional<String> pdf,
        List<Article> articles,
        List<String> assets) {

    public Page {
        editors = List.copyOf(editors);
        banners = List.copyOf(banners);
        articles = List.copyOf(articles);
        assets = List.copyOf(assets);
    }
}
