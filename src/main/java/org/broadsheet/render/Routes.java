package org.broadsheet.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.Bureau;
import org.broadsheet.archive.Page;

/**
 * The one place that knows where things live. A <em>route</em> is a site-relative URL path without a
 * leading slash ({@code 2025/12/12/01/}, {@code 2025/12/12/01/slug.html}); "" is the home page. Routes are
 * unencoded (a Chinese slug stays Chinese) and become an output file with {@link #file} or a link with
 * {@link #href}. Links between pages are always relative, so a site works at any path on any server.
 */
public final class Routes {
    public static final String HOME = "";
    public static final String BUREAUS = "bureaus/";
    public static final String NOT_FOUND = "404.html";
    public static final String STATIC = "static/";
    /** The search page; its index lies beside it (see {@code search.SearchLayout}). */
    public static final String SEARCH = org.broadsheet.search.SearchLayout.PAGE;

    private final URI baseUrl;

    public Routes(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String issue(LocalDate date) {
        return issue(new StringBuilder(16), date).toString();
    }

    public String page(LocalDate date, int number) {
        return folder(issue(new StringBuilder(16), date), number).toString();
    }

    /**
     * Appends a date's folders. Routes are spelled into one builder, not joined with '+': every link of every page
     * spells one, and under the launcher's C1 compiler each '+' costs a call through a method handle.
     */
    private static StringBuilder issue(StringBuilder route, LocalDate date) {
        return folder(folder(year(route, date.getYear()), date.getMonthValue()), date.getDayOfMonth());
    }

    /** Appends a year's folder: four digits at least, as the archive's folders are named. */
    private static StringBuilder year(StringBuilder route, int year) {
        String digits = Integer.toString(year);
        for (int i = digits.length(); i < 4; i++) {
            route.append('0');
        }
        return route.append(digits).append('/');
    }

    /** Appends a folder of two digits at least (month, day or page number). */
    private static StringBuilder folder(StringBuilder route, int number) {
        return twoDigits(route, number).append('/');
    }

    private static StringBuilder twoDigits(StringBuilder text, int number) {
        return (number < 10 && number >= 0 ? text.append('0') : text).append(number);
    }

    public String page(Page page) {
        return page(page.date(), page.number());
    }

    public String article(ArticleId id) {
        return articleOnPage(page(id.date(), id.page()), id);
    }

    /** The route of story {@code id}, given the route of its page (which listing every output spells anyway). */
    public static String articleOnPage(String pageRoute, ArticleId id) {
        return pageRoute + id.slug() + ".html";
    }

    public String article(Article article) {
        return article(article.id());
    }

    /** A file kept beside a page's articles (a photo, the page scan). */
    public String pageAsset(Page page, String fileName) {
        return page(page) + fileName;
    }

    public String year(int year) {
        return year(new StringBuilder(8), year).toString();
    }

    public String month(YearMonth month) {
        return folder(year(new StringBuilder(8), month.getYear()), month.getMonthValue()).toString();
    }

    /** 6 → "06"; written by hand because String.format is slow enough to show in profiles of big builds. */
    static String twoDigits(int number) {
        return twoDigits(new StringBuilder(2), number).toString();
    }

    /** A bureau's list; page 1 is the bureau's own folder, later pages are {@code page/N/}. */
    public String bureau(Bureau bureau, int pageNumber) {
        String first = BUREAUS + bureau.slug() + "/";
        return pageNumber <= 1 ? first : first + "page/" + pageNumber + "/";
    }

    /** A page outside the dated archive (关于本报). */
    public String standalone(String slug) {
        return "pages/" + slug + ".html";
    }

    /** A file of the theme's {@code static/} folder. */
    public String themeFile(String relativePath) {
        return STATIC + relativePath;
    }

    /** The output file of a route: folders get their {@code index.html}. */
    public static String file(String route) {
        return route.isEmpty() || route.endsWith("/") ? route + "index.html" : route;
    }

    /** The absolute URL of a route, for canonical links, feeds and sitemaps. */
    public String absolute(String route) {
        return baseUrl.toString() + encode(route);
    }

    /** The site's path on its host ("/archive/"), for pages such as 404 that are served at any URL. */
    public String rootPath() {
        return baseUrl.getRawPath();
    }

    /** A relative, percent-encoded link from the page at {@code from} to {@code to}. */
    public static String href(String from, String to) {
        // The folders both routes begin with end at the last '/' they share before they first differ. Read in
        // place, not split into segments: every page makes dozens of links, and a rebuild makes them all again.
        int shared = -1;
        int limit = Math.min(from.length(), to.length());
        for (int i = 0; i < limit && from.charAt(i) == to.charAt(i); i++) {
            if (from.charAt(i) == '/') {
                shared = i;
            }
        }
        int up = 0; // the folders of from below the shared ones
        for (int i = shared + 1; i < from.length(); i++) {
            if (from.charAt(i) == '/') {
                up++;
            }
        }
        String rest = encode(to.substring(shared + 1));
        return up == 0 && rest.isEmpty() ? "./" : "../".repeat(up) + rest;
    }

    /** Percent-encodes each segment of a route, keeping the slashes. */
    public static String encode(String route) {
        if (isUnreserved(route, true)) {
            return route; // the usual dated route, e.g. 2025/12/12/04/fa-zhi.html: nothing to encode
        }
        String[] parts = route.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encodeSegment(parts[i]));
        }
        return out.toString();
    }

    static String encodeSegment(String segment) {
        if (isUnreserved(segment, false)) {
            return segment;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Whether every char of {@code text} is one that URLs carry as it is (RFC 3986), or a '/' if allowed. */
    private static boolean isUnreserved(String text, boolean slashes) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnreserved(c) && !(slashes && c == '/')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }
}
