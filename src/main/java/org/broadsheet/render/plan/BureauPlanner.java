package org.broadsheet.render.plan;

import java.util.Optional;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.archive.Issue;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;
import org.broadsheet.render.ViewInputs;
import org.broadsheet.render.feed.FeedFactory;

/** The bureaus: their index, each bureau's stories newest first in pages of {@code pageSize}, its feeds. */
record BureauPlanner(Archive archive, ViewFactory views, ViewInputs keys, Routes routes, FeedFactory feeds,
        int pageSize)
        implements Planner {
    @Override
    public void plan(Plan plan) {
        plan.add(PageOutput.of(Routes.BUREAUS, "bureaus.ftlh", views::bureauIndex));
        plan.listInSitemap(Routes.BUREAUS, archive.latestIssue().map(Issue::date));
        for (BureauDesk desk : archive.bureaus()) {
            int pages = ViewFactory.pageCount(desk, pageSize);
            for (int n = 1; n <= pages; n++) {
                int number = n;
                plan.add(PageOutput.keyed(routes.bureau(desk.bureau(), n), "bureau.ftlh",
                        () -> views.bureau(desk, number, pageSize), () -> keys.bureau(desk, number, pageSize)));
                plan.listInSitemap(routes.bureau(desk.bureau(), n),
                        Optional.of(desk.articles().get((n - 1) * pageSize).id().date()));
            }
            String feedDir = routes.bureau(desk.bureau(), 1);
            FeedOutputs.add(plan, feedDir, () -> feeds.bureauFeed(desk),
                    () -> keys.feed(feedDir, feeds.bureauItems(desk), feeds.updated()));
        }
    }
}
