package org.broadsheet.render.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * sitemap.xml (split into a sitemap index with numbered parts past 50,000 URLs, the protocol's limit),
 * the Google News sitemap, and robots.txt.
 */
public final class SitemapWriter {
    public static final String SITEMAP = "sitemap.xml";
    public static final String NEWS_SITEMAP = "news-sitemap.xml";
    public static final String ROBOTS = "robots.txt";
    /** The sitemap protocol's limit per file. */
    public static final int MAX_URLS = 50_000;
    /** Google News reads at most this many articles per news sitemap. */
    public static final int MAX_NEWS = 1_000;

    private SitemapWriter() {
    }

    /** A page for the sitemap; {@code lastModified} is a date (YYYY-MM-DD) or empty. */
    public record Entry(String url, String lastModified) {
    }

    /** A story for the news sitemap. */
    public record NewsEntry(String url, String title, String published) {
    }

    /**
     * A file to publish: its output path and its text, made when asked for, so that the parts of a large
     * archive's sitemap (50,000 URLs each) are written by the render threads rather than one after another,
     * and only when their {@code entries} changed. The index lists no entries: its text is short.
     */
    public record File(String path, Supplier<String> text, List<Entry> entries) {
    }

    /**
     * The sitemap files: one {@code sitemap.xml}, or an index named {@code sitemap.xml} with parts
     * {@code sitemap-1.xml}, {@code sitemap-2.xml}, … when there are more than {@code maxUrls} entries.
     *
     * @param baseUrl the site's absolute URL ending in '/', where the parts are published
     */
    public static List<File> sitemaps(List<Entry> entries, String baseUrl, int maxUrls) {
        if (entries.size() <= maxUrls) {
            return List.of(new File(SITEMAP, () -> urlset(entries), entries));
        }
        List<File> files = new ArrayList<>();
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int start = 0, part = 1; start < entries.size(); start += maxUrls, part++) {
            String name = "sitemap-" + part + ".xml";
            List<Entry> urls = entries.subList(start, Math.min(entries.size(), start + maxUrls));
            files.add(new File(name, () -> urlset(urls), urls));
            index.append("<sitemap><loc>").append(FeedWriter.escape(baseUrl + name)).append("</loc></sitemap>\n");
        }
        index.append("</sitemapindex>\n");
        String indexText = index.toString();
        files.add(0, new File(SITEMAP, () -> indexText, List.of()));
        return files;
    }

    private static String urlset(List<Entry> entries) {
        StringBuilder xml = new StringBuilder(entries.size() * 100 + 200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Entry entry : entries) {
            xml.append("<url><loc>").append(FeedWriter.escape(entry.url())).append("</loc>");
            if (!entry.lastModified().isEmpty()) {
                xml.append("<lastmod>").append(entry.lastModified()).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        xml.append("</urlset>\n");
        return xml.toString();
    }

    /** The Google News sitemap; callers pass only the stories of the last two days, at most {@link #MAX_NEWS}. */
    public static String news(List<NewsEntry> entries, String publication, String language) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
                .append("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
        String newsLanguage = language.equalsIgnoreCase("zh-CN") ? "zh-cn" : language.toLowerCase(
                java.util.Locale.ROOT);
        for (NewsEntry entry : entries) {
            xml.append("<url><loc>").append(FeedWriter.escape(entry.url())).append("</loc><news:news>")
                    .append("<news:publication><news:name>").append(FeedWriter.escape(publication))
                    .append("</news:name><news:language>").append(newsLanguage)
                    .append("</news:language></news:publication><news:publication_date>").append(entry.published())
                    .append("</news:publication_date><news:title>").append(FeedWriter.escape(entry.title()))
                    .append("</news:title></news:news></url>\n");
        }
        xml.append("</urlset>\n");
        return xml.toString();
    }

    public static String robots(String sitemapUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + sitemapUrl + "\n";
    }
}
