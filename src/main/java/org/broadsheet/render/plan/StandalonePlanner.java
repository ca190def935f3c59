package org.broadsheet.render.plan;

import java.util.Optional;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.StandalonePage;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;

/** The standalone pages of {@code content/pages/} (关于本报, 联系我们 …). */
record StandalonePlanner(Archive archive, ViewFactory views, Routes routes) implements Planner {
    @Override
    public void plan(Plan plan) {
        for (StandalonePage page : archive.standalone()) {
            plan.add(PageOutput.of(routes.standalone(page.slug()), "standalone.ftlh", () -> views.standalone(page))
                    .from(page.source()));
            plan.listInSitemap(routes.standalone(page.slug()), Optional.empty());
        }
    }
}
