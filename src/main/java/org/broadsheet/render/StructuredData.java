package org.broadsheet.render;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.config.SiteConfig;

/**
 * schema.org NewsArticle data for search engines: the story as printed (page, section, edition, dateline,
 * bureau) and who wrote or supplied it. Dates are the start of the issue's day, as {@link PaperTime} gives it.
 */
final class StructuredData {
    /** An image's address in a body as the Markdown engines write it: double-quoted, entities escaped. */
    private static final Pattern IMAGE_SOURCE = Pattern.compile("<img\\s[^>]*?\\bsrc=\"([^\"]*)\"");

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

    /**
     * The story's NewsArticle, with what Google asks of one: headline, both dates with their offset, an author
     * (the byline's people; else the organisation that supplied the story; else the paper itself, since every
     * story has an author), the publisher, the story's own images, and the page it is the main entity of.
     */
    String article(Article article, Page page, Issue issue, String bodyHtml, String summary) {
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
        // An archive's story is the story as printed: it is never modified after its issue's day.
        data.put("dateModified", published(page.date()));
        List<String> images = images(bodyHtml, routes.absolute(routes.article(article)));
        if (!images.isEmpty()) {
            data.put("image", images);
        }
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
        } else {
            String organization = article.byline().source().isEmpty() ? config.title() : article.byline().source();
            data.put("author", List.of(ordered("@type", "Organization", "name", organization)));
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

    /**
     * The absolute addresses of the body's images, in order, without repeats. Relative ones are resolved against
     * the story's own address, as a browser resolves them; one that is no valid address is left out.
     */
    static List<String> images(String bodyHtml, String articleUrl) {
        if (!bodyHtml.contains("<img")) {
            return List.of(); // most stories have no image, and this is cheaper than the pattern's search
        }
        Set<String> images = new LinkedHashSet<>();
        Matcher img = IMAGE_SOURCE.matcher(bodyHtml);
        while (img.find()) {
            String src = img.group(1).replace("&amp;", "&").replace("&quot;", "\"");
            if (src.isEmpty() || src.startsWith("#")) {
                continue; // no image, or one the URL policy refused
            }
            try {
                URI resolved = URI.create(articleUrl).resolve(src);
                if ("http".equals(resolved.getScheme()) || "https".equals(resolved.getScheme())) {
                    images.add(resolved.toASCIIString());
                }
            } catch (IllegalArgumentException notAnAddress) {
                // Left out: structured data must hold only addresses that work.
            }
        }
        return List.copyOf(images);
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
