package org.broadsheet.render;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.config.SiteConfig;

/**
 * schema.org NewsArticle data for search engines: the story as printed (page, section, edition, dateline,
 * bureau) and who wrote or supplied it. Dates are the start of the issue's day, as {@link PaperTime} gives it.
 */
final class StructuredData {
    private final SiteConfig config;
    private final PaperTime time;
    private final Routes routes;
    private final Map<LocalDate, String> publishedByDay = new java.util.concurrent.ConcurrentHashMap<>();

    StructuredData(SiteConfig config, Routes routes) {
        this.config = config;
        this.routes = routes;
        this.time = new PaperTime(config.timeZone());
    }

    /**
     * The issue day's start in the paper's time zone, e.g. 2025-12-12T00:00:00+08:00. Once per day: every
     * story page asks three times, and the time-zone rules and the formatter are slow.
     */
    String published(LocalDate date) {
        return publishedByDay.computeIfAbsent(date,
                day -> PaperTime.rfc3339(time.startOf(day)));
    }

    String article(Article article, Page page, Issue issue, String summary) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "NewsArticle");
        data.put("headline", article.title());
        List<String> alternatives = java.util.stream.Stream.of(article.kicker(), article.subtitle())
                .filter(s -> !s.isEmpty()).toList();
        if (!alternatives.isEmpty()) {
            data.put("alternativeHeadline", String.join(" ", alternatives));
        }
        data.put("url", routes.absolute(routes.article(article)));
        data.put("mainEntityOfPage", routes.absolute(routes.article(article)));
        data.put("datePublished", published(page.date()));
        data.put("inLanguage", config.language());
        if (!article.dateline().isEmpty()) {
            data.put("dateline", article.dateline());
        }
        data.put("printPage", page.label().isEmpty() ? Integer.toString(page.number()) : page.label());
        if (!page.section().isEmpty()) {
            data.put("printSection", page.section());
        }
        if (!issue.edition().isEmpty()) {
            data.put("printEdition", issue.edition());
        }
        // Ordered maps only: Map.of's iteration order changes from one JVM run to the next.
        article.bureau().ifPresent(bureau -> data.put("locationCreated", ordered("@type", "Place", "name",
                bureau.name())));
        if (!article.byline().authors().isEmpty()) {
            data.put("author", article.byline().authors().stream()
                    .map(name -> (Object) ordered("@type", "Person", "name", name)).toList());
        }
        if (!article.byline().source().isEmpty()) {
            data.put("sourceOrganization", ordered("@type", "Organization", "name", article.byline().source()));
        }
        if (!article.tags().isEmpty()) {
            data.put("keywords", String.join(",", article.tags()));
        }
        data.put("description", summary);
        Map<String, Object> periodical = ordered("@type", "Periodical", "name", config.title());
        Map<String, Object> publicationIssue = ordered("@type", "PublicationIssue", "datePublished",
                published(page.date()));
        issue.number().ifPresent(number -> publicationIssue.put("issueNumber", Integer.toString(number)));
        publicationIssue.put("url", routes.absolute(routes.issue(issue.date())));
        publicationIssue.put("isPartOf", periodical);
        data.put("isPartOf", publicationIssue);
        data.put("publisher", ordered("@type", "Organization", "name", config.title()));
        return Json.write(data);
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
