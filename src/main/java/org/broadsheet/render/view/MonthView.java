package org.broadsheet.render.view;

import java.util.List;

/** A month's calendar linking every day that has an issue. */
public record MonthView(Chrome chrome, String title, Calendar calendar, Link previousMonth, Link nextMonth,
        Link year, List<Link> issues) {
    public MonthView {
        issues = List.copyOf(issues);
    }
}
