package org.broadsheet.render.view;

import java.util.List;

/**
 * One day's paper: every page with its headlines, neighbouring issues and the month around it, with links
 * to the nearest earlier and later months that have issues (null when none).
 */
public record IssueView(Chrome chrome, String date, String number, String edition, String note,
        List<PageSummary> pages, Link previousIssue, Link nextIssue, Calendar calendar, Link previousMonth,
        Link nextMonth, List<Link> breadcrumb) {
    public IssueView {
        pages = List.copyOf(pages);
        breadcrumb = List.copyOf(breadcrumb);
    }
}
