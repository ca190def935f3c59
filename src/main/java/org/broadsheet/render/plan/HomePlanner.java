package org.broadsheet.render.plan;

import java.time.LocalDate;
import java.util.Optional;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Issue;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;

/** The home page (the latest issue) and the not-found page. */
record HomePlanner(Archive archive, ViewFactory views) implements Planner {
    @Override
    public void plan(Plan plan) {
        Optional<LocalDate> latest = archive.latestIssue().map(Issue::date);
        if (latest.isPresent()) {
            plan.add(PageOutput.of(Routes.HOME, "home.ftlh", views::home));
            plan.listInSitemap(Routes.HOME, latest);
        }
        plan.add(PageOutput.of(Routes.NOT_FOUND, "notice.ftlh", views::notFound));
    }
}
