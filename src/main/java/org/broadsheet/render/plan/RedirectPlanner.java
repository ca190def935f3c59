package org.broadsheet.render.plan;

import java.nio.file.Path;
import java.util.Optional;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.render.OutputPaths;
import org.broadsheet.problem.Problem;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;

/** Old addresses of stories (their {@code aliases}): a redirect page each; an unsafe one is the story's error. */
record RedirectPlanner(Archive archive, ViewFactory views) implements Planner {
    @Override
    public void plan(Plan plan) {
        for (Issue issue : archive.issues()) {
            for (Page page : issue.pages()) {
                for (Article article : page.articles()) {
                    redirects(plan, article);
                }
            }
        }
        for (Article article : archive.withdrawn()) {
            redirects(plan, article);
        }
    }

    private void redirects(Plan plan, Article article) {
        for (String alias : article.aliases()) {
            String route = alias.strip();
            while (route.startsWith("/")) {
                route = route.substring(1);
            }
            Optional<String> unsafe = OutputPaths.problem(Routes.file(route));
            if (unsafe.isPresent()) {
                plan.problem(Problem.error(Path.of(article.source()), 0, 0, "alias '" + alias + "' " + unsafe.get(),
                        "write the old address as a path inside the site, e.g. html/2019-03/05/content_123.htm"));
                continue;
            }
            String aliasRoute = route;
            plan.add(PageOutput.of(aliasRoute, "redirect.ftlh", () -> views.redirect(article, aliasRoute))
                    .from(article.source() + " (alias " + alias + ")"));
        }
    }
}
