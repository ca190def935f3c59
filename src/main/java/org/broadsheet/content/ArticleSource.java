package org.broadsheet.content;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * An article file read and checked, not yet rendered.
 *
 * @param file          relative to the site directory
 * @param position      1-based position of the file among its page's articles (by file name)
 * @param body          the Markdown after the front matter
 * @param bodyFirstLine the file line on which the body starts
 */
public record ArticleSource(Path file, LocalDate date, int page, int position, String slug, FrontMatter front,
        String body, int bodyFirstLine) {

    /** The same source without its Markdown, once the body is rendered: the text need not stay in memory. */
    public ArticleSource withoutBody() {
        return new ArticleSource(file, date, page, position, slug, front, "", bodyFirstLine);
    }
}
