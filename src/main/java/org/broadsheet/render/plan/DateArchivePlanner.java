package org.broadsheet.render.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Month;
import org.broadsheet.archive.Year;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;

/** The date archive: a page per year and per month, each month linking to the months around it. */
record DateArchivePlanner(Archive archive, ViewFactory views, Routes routes) implements Planner {
    @Override
    public void plan(Plan plan) {
        List<Month> allMonths = new ArrayList<>();
        for (Year year : archive.years()) {
            plan.add(PageOutput.of(routes.year(year.year()), "year.ftlh", () -> views.year(year)));
            allMonths.addAll(year.months());
            plan.listInSitemap(routes.year(year.year()), lastIssue(year.months().get(year.months().size() - 1)));
        }
        for (int i = 0; i < allMonths.size(); i++) {
            Month month = allMonths.get(i);
            Optional<Month> previous = i > 0 ? Optional.of(allMonths.get(i - 1)) : Optional.empty();
            Optional<Month> next = i + 1 < allMonths.size() ? Optional.of(allMonths.get(i + 1)) : Optional.empty();
            plan.add(PageOutput.of(routes.month(month.yearMonth()), "month.ftlh",
                    () -> views.month(month, previous, next)));
            plan.listInSitemap(routes.month(month.yearMonth()), lastIssue(month));
        }
    }

    private static Optional<LocalDate> lastIssue(Month month) {
        return Optional.of(month.issues().get(month.issues().size() - 1).date());
    }
}
