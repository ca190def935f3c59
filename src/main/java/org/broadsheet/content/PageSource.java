package org.broadsheet.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page folder ({@code content/YYYY/MM/DD/NN/}) with its {@code _page.yml} read.
 *
 * @param dir     relative to the site directory
 * @param editors role → name, in the order written
 * @param assets  names of the non-source files in the folder (images, PDFs), sorted
 */
public record PageSource(Path dir, LocalDate date, int number, String label, String section,
        Map<String, String> editors, List<String> banners, Optional<String> image, Optional<String> pdf,
        List<String> assets) {
    public PageSource {
        banners = List.copyOf(banners);
        assets = List.copyOf(assets);
    }
}
