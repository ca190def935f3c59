package org.broadsheet.content;

import java.util.List;

/** What a scan of {@code content/} found: issues, pages and standalone pages read, article files not yet. */
public record ContentScan(List<IssueSource> issues, List<PageSource> pages, List<ArticleFile> articles,
        List<StandaloneSource> standalone) {
    public ContentScan {
        issues = List.copyOf(issues);
        pages = List.copyOf(pages);
        articles = List.copyOf(articles);
        standalone = List.copyOf(standalone);
    }
}
