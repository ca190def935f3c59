package org.broadsheet.content;

import java.util.List;

/** Everything read from {@code content/}, in sorted order, plus what went wrong while reading it. */
public record ContentSet(List<IssueSource> issues, List<PageSource> pages, List<ArticleSource> articles,
        List<StandaloneSource> standalone) {
    public ContentSet {
        issues = List.copyOf(issues);
        standalone = List.copyOf(standalone);
        pages = List.copyOf(pages);
        articles = List.copyOf(articles);
    }
}
