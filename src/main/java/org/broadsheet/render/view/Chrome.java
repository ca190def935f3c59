package org.broadsheet.render.view;

import java.util.List;

/**
 * What every page's frame needs: site name, links to the home page and the archive, the stylesheet, the
 * masthead and the footer. All links are relative to the page being rendered.
 *
 * @param pageTitle  the document title (already including the site name where wanted)
 * @param canonical  the page's absolute URL
 * @param noindex    true for pages search engines must not index (withdrawn notices)
 * @param masthead   the date line under the paper's name; null on pages not about one issue
 * @param meta       Open Graph and article properties for the head
 * @param jsonLd     schema.org data as JSON, already safe inside a script element; empty when none
 * @param search     the search page, which the header's search box sends its query to; empty when search is off
 */
public record Chrome(
        String siteTitle,
        String language,
        String pageTitle,
        String canonical,
        boolean noindex,
        String home,
        String stylesheet,
        String script,
        List<Link> nav,
        Masthead masthead,
        Footer footer,
        List<Meta> meta,
        String jsonLd,
        String search) {

    public Chrome {
        nav = List.copyOf(nav);
        meta = List.copyOf(meta);
    }

    /** {@code <meta property="og:title" content="…">} */
    public record Meta(String property, String content) {
    }

    /** The paper's date line: 2025年12月12日 星期五, 总第5103期, 特刊. */
    public record Masthead(String date, String number, String edition) {
    }

    /** Copyright line and ICP filing (备案) as site.yml gives them, and links to the standalone pages. */
    public record Footer(String copyright, String icp, String icpLink, String note, List<Link> pages) {
        public Footer {
            pages = List.copyOf(pages);
        }
    }
}
