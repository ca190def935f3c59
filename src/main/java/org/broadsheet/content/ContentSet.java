package org.broadsheet.content;

import java.util.List;

/**
 * Everything read from {@code content/}, articles included, in sorted order: a {@link ContentScan} whose
 * article files have been read. The build reads articles one by one instead; tools and tests use this.
 */
public record ContentSet(ContentScan scan, List<ArticleSource> articles) {
    public ContentSet {
        articles = List.copyOf(articles);
    }

    public List<IssueSource> issues() {
        return scan.issues();
    }

    public List<PageSource> pages() {
        return scan.pages();
    }

    public List<StandaloneSource> standalone() {
        return scan.standalone();
    }
}
