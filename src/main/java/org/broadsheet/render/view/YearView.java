package org.broadsheet.render.view;

import java.util.List;

/** A year at a glance: twelve small month calendars. */
public record YearView(Chrome chrome, String title, List<Calendar> months, Link previousYear, Link nextYear,
        int issueCount) {
    public YearView {
        months = List.copyOf(months);
    }
}
