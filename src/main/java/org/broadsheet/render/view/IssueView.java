package org.broadsheet.render.view;

import java.util.List;

/** One day's paper: every page with its headlines, neighbouring issues and the month around it. */
public record IssueView(Chrome chrome, String date, String number, String edition, String note,
        List<PageSummary> pages, Link previousIssue, Link nextIssue, Calendar calendar, List<Link> breadcrumb) {
    public IssueView {
        pages = List.copyOf(pages);
        breadcrumb = List.copyOf(breadcrumb);
    }
}
