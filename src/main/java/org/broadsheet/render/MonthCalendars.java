package org.broadsheet.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.archive.Archive;
import org.broadsheet.render.view.Calendar;

/** The month calendars of the issue, month and year pages, which link each day that has an issue. */
record MonthCalendars(Archive archive, Routes routes) {
    /**
     * {@code month} as weeks from Monday, each day linked to its issue if it has one, {@code current} marked; the
     * month's name links to its page when the month has issues, and names the year too when {@code linkTitle}.
     */
    Calendar of(YearMonth month, LocalDate current, Linker link, boolean linkTitle) {
        List<List<Calendar.Day>> weeks = new ArrayList<>();
        List<Calendar.Day> week = new ArrayList<>();
        int leading = month.atDay(1).getDayOfWeek().getValue() - 1;
        for (int i = 0; i < leading; i++) {
            week.add(new Calendar.Day(0, null, false));
        }
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            LocalDate date = month.atDay(day);
            String href = archive.issueOn(date).map(i -> link.to(routes.issue(date))).orElse(null);
            week.add(new Calendar.Day(day, href, date.equals(current)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Calendar.Day(0, null, false));
            }
            weeks.add(week);
        }
        boolean hasIssues = archive.years().stream().flatMap(y -> y.months().stream())
                .anyMatch(m -> m.yearMonth().equals(month));
        String href = hasIssues ? link.to(routes.month(month)) : null;
        return new Calendar(linkTitle ? ChineseDates.month(month) : ChineseDates.monthOnly(month), href, weeks);
    }
}
