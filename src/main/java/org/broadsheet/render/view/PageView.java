package org.broadsheet.render.view;

import java.util.List;

/**
 * One printed page (版面): its stories in order, its editors and banners, and the way to the others.
 *
 * @param continued stories from earlier pages that continue here (接第N版)
 * @param scan      the page scan and PDF; null when the page has neither
 */
public record PageView(Chrome chrome, String label, String section, String date, List<EditorCredit> editors,
        List<String> banners, List<ArticleLink> articles, List<ArticleLink> continued, Scan scan,
        List<PageSummary> pages, Link previousPage,
        Link nextPage, Link previousIssue, Link nextIssue, Link issue, List<Link> breadcrumb) {
    public PageView {
        editors = List.copyOf(editors);
        banners = List.copyOf(banners);
        articles = List.copyOf(articles);
        continued = List.copyOf(continued);
        pages = List.copyOf(pages);
        breadcrumb = List.copyOf(breadcrumb);
    }

    /** 责任编辑：钱虹 */
    public record EditorCredit(String role, String name) {
    }
}
