package org.broadsheet.render.plan;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;
import org.broadsheet.render.ViewInputs;

/**
 * The archive's bulk: each issue's page, its printed pages (版面) and its stories, kept together by the
 * issue's key; the files beside each page (images, scans); and the notice at each withdrawn story's address.
 * Only the issues (and withdrawn stories) of the {@code dates} wanted: all of them for a build, those an edit
 * reached for a preview.
 */
record IssuePlanner(Archive archive, ViewFactory views, ViewInputs keys, Routes routes, Path siteDir,
        Predicate<LocalDate> dates) implements Planner {
    @Override
    public void plan(Plan plan) {
        for (Issue issue : archive.issues()) {
            if (!dates.test(issue.date())) {
                continue;
            }
            // Each route and date is spelled once and shared by the output and its sitemap entry: a rebuild
            // lists every output of the archive before it can tell which to keep.
            String day = issue.date().toString();
            String issueRoute = routes.issue(issue.date());
            IssueGroup group = new IssueGroup("issue " + day, () -> keys.issueGroup(issue));
            plan.add(PageOutput.keyed(issueRoute, "issue.ftlh", () -> views.issue(issue),
                    () -> keys.issue(issue)).in(group));
            plan.listInSitemap(issueRoute, day);
            for (Page page : issue.pages()) {
                String pageRoute = routes.page(page);
                plan.add(PageOutput.keyed(pageRoute, "page.ftlh", () -> views.page(issue, page),
                        () -> keys.page(issue, page)).in(group));
                plan.listInSitemap(pageRoute, day);
                for (Article article : page.articles()) {
                    String route = Routes.articleOnPage(pageRoute, article.id());
                    plan.add(PageOutput.keyed(route, "article.ftlh", () -> views.article(article),
                            () -> keys.article(article)).from(article.source()).in(group));
                    plan.listInSitemap(route, day);
                }
                Path folder = ContentLayout.pageFolder(page.date(), page.number());
                for (String asset : page.assets()) {
                    plan.add(new CopyOutput(routes.pageAsset(page, asset), siteDir.resolve(folder).resolve(asset),
                            ContentLayout.slashed(folder) + "/" + asset));
                }
            }
        }
        for (Article article : archive.withdrawn()) {
            if (!dates.test(article.id().date())) {
                continue;
            }
            plan.add(PageOutput.of(routes.article(article), "notice.ftlh", () -> views.withdrawn(article))
                    .from(article.source()));
        }
    }
}
