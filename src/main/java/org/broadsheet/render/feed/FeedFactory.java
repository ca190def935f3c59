package org.broadsheet.render.feed;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.render.PaperTime;
import org.broadsheet.render.PrintedText;
import org.broadsheet.render.Routes;

/**
 * Builds the site's feeds and news sitemap entries from the archive. "Now" is fixed for the whole build,
 * so output depends only on the inputs.
 */
public final class FeedFactory {
    private static final Pattern LINK_ATTRIBUTE = Pattern.compile("(href|src)=\"([^\"]*)\"");
    private static final long NEWS_WINDOW_SECONDS = 2 * 24 * 3600;

    private final Archive archive;
    private final SiteConfig config;
    private final Routes routes;
    private final PaperTime time;
    private final Instant now;
    private final BodyReader bodies;

    public FeedFactory(Archive archive, SiteConfig config, Routes routes, Instant now, BodyReader bodies) {
        this.archive = archive;
        this.bodies = bodies;
        this.config = config;
        this.routes = routes;
        this.time = new PaperTime(config.timeZone());
        this.now = now;
    }

    /** The end of the latest issue's day in the paper's time zone: "now" when no clock is given. */
    public static Instant endOfLatestIssueDay(Archive archive, PaperTime time) {
        return archive.latestIssue().map(issue -> time.endOf(issue.date())).orElse(Instant.EPOCH);
    }

    public Feed siteFeed() {
        return new Feed(config.title(), config.title() + "最新稿件", config.language(), routes.absolute(Routes.HOME),
                routes.absolute(Routes.HOME), updated(), siteItems().stream().map(this::item).toList());
    }

    /** The stories the site's feed lists: the newest, as many as {@code feeds.limit}. */
    public List<Article> siteItems() {
        return archive.newest(config.feeds().limit());
    }

    public Feed bureauFeed(BureauDesk desk) {
        String home = routes.absolute(routes.bureau(desk.bureau(), 1));
        return new Feed(config.title() + " · " + desk.bureau().name(), desk.bureau().name() + "记者站稿件",
                config.language(), home, home, updated(), bureauItems(desk).stream().map(this::item).toList());
    }

    /** The stories a bureau's feed lists: its newest, as many as {@code feeds.limit}. */
    public List<Article> bureauItems(BureauDesk desk) {
        return desk.articles().subList(0, Math.min(config.feeds().limit(), desk.articles().size()));
    }

    /** Stories of the two days before "now", newest first, at most {@link SitemapWriter#MAX_NEWS}. */
    public List<SitemapWriter.NewsEntry> news() {
        Instant from = now.minusSeconds(NEWS_WINDOW_SECONDS);
        // Newest first, so the first story older than the window ends the search, not the archive's end.
        return archive.newest(Integer.MAX_VALUE).stream()
                .takeWhile(article -> !start(article.id().date()).isBefore(from))
                .filter(article -> !start(article.id().date()).isAfter(now))
                .limit(SitemapWriter.MAX_NEWS)
                .map(article -> new SitemapWriter.NewsEntry(routes.absolute(routes.article(article)),
                        article.title(), published(article.id().date())))
                .toList();
    }

    private FeedItem item(Article article) {
        String url = routes.absolute(routes.article(article));
        String byline = PrintedText.byline(article);
        String body = bodies.html(article.body());
        String html = PrintedText.withJumpNotes(PrintedText.withDateline(body, article.dateline()), article)
                + (byline.isEmpty() ? "" : "<p>" + escape(byline) + "</p>");
        return new FeedItem(url, url, article.title(), PrintedText.summary(body), absolutize(html, url),
                published(article.id().date()), article.byline().authors(), article.tags());
    }

    /** The feeds' updated time: the build's "now" in the paper's time zone, RFC 3339. */
    public String updated() {
        return PaperTime.rfc3339(time.at(now));
    }

    private Instant start(LocalDate date) {
        return time.startOf(date).toInstant();
    }

    private String published(LocalDate date) {
        return PaperTime.rfc3339(time.startOf(date));
    }

    /** Feed readers show content away from the site: make every link and image address absolute. */
    static String absolutize(String html, String pageUrl) {
        URI base = URI.create(pageUrl);
        Matcher matcher = LINK_ATTRIBUTE.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (matcher.find()) {
            String value = matcher.group(2);
            String absolute = value;
            if (!value.matches("(?i)(https?|mailto):.*")) {
                try {
                    absolute = value.startsWith("#") ? pageUrl + value : base.resolve(value).toString();
                } catch (IllegalArgumentException e) {
                    absolute = pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1) + value;
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "=\"" + absolute + "\""));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
