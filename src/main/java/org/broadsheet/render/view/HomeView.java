package org.broadsheet.render.view;

import java.util.List;

/** The front page: the latest issue's pages and headlines, and ways into the archive. */
public record HomeView(Chrome chrome, String issueDate, String issueHref, List<PageSummary> pages,
        List<Link> years, String bureausHref) {
    public HomeView {
        pages = List.copyOf(pages);
        years = List.copyOf(years);
    }
}
