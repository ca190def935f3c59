package org.broadsheet.render.plan;

import java.util.List;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.render.Fingerprints;
import org.broadsheet.render.Routes;
import org.broadsheet.render.feed.FeedFactory;
import org.broadsheet.render.feed.SitemapWriter;

/**
 * The sitemap (or sitemap index and its parts) of every page the planners before it listed, the two-day news
 * sitemap and robots.txt. It runs after the planners whose pages it lists.
 */
record SitemapPlanner(Routes routes, FeedFactory feeds, SiteConfig config) implements Planner {
    @Override
    public void plan(Plan plan) {
        for (SitemapWriter.File file : SitemapWriter.sitemaps(List.copyOf(plan.sitemap()), routes.absolute(Routes.HOME),
                SitemapWriter.MAX_URLS)) {
            plan.add(TextOutput.keyed(file.path(), file.text(),
                    file.entries().isEmpty() ? file.text() : () -> inputs(file.entries())));
        }
        plan.add(TextOutput.of(SitemapWriter.NEWS_SITEMAP, () -> SitemapWriter.news(feeds.news(), config.title(),
                config.language())));
        plan.add(TextOutput.of(SitemapWriter.ROBOTS, () -> SitemapWriter.robots(routes.absolute(SitemapWriter.SITEMAP))));
    }

    /** A sitemap part's inputs: its URLs and their dates, hashed without writing (and escaping) the XML. */
    private static String inputs(List<SitemapWriter.Entry> entries) {
        String[] parts = new String[entries.size() * 2];
        for (int i = 0; i < entries.size(); i++) {
            parts[2 * i] = entries.get(i).url();
            parts[2 * i + 1] = entries.get(i).lastModified();
        }
        return Fingerprints.of(parts);
    }
}
