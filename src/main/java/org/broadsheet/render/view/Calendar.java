package org.broadsheet.render.view;

import java.util.List;

/**
 * A month as a grid of weeks starting on Monday; days outside the month are blank (day 0).
 *
 * @param href link to the month page; null when the calendar is that page
 */
public record Calendar(String title, String href, List<List<Day>> weeks) {
    public Calendar {
        weeks = weeks.stream().map(List::copyOf).toList();
    }

    /** A day cell: {@code href} is null when there is no issue that day; {@code current} marks the page's own. */
    public record Day(int day, String href, boolean current) {
    }
}
