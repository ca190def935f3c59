package org.broadsheet.render.plan;

import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewInputs;
import org.broadsheet.render.feed.FeedFactory;

/** The site's own feeds (RSS, Atom, JSON Feed) at the root; each bureau's come with the bureau. */
record FeedPlanner(ViewInputs keys, FeedFactory feeds) implements Planner {
    @Override
    public void plan(Plan plan) {
        FeedOutputs.add(plan, Routes.HOME, feeds::siteFeed,
                () -> keys.feed(Routes.HOME, feeds.siteItems(), feeds.updated()));
    }
}
