package org.broadsheet.render.view;

import java.util.List;

/**
 * One story. {@code bodyHtml} is trusted HTML from the Markdown engine (already policed for raw HTML and
 * URLs); every other field is text that templates escape.
 *
 * @param byline already in print form: （张三 李四） or （某某法院供稿）; empty when none
 * @param meta   the meta line's parts: 第06版 政法时空, 2025年12月12日, 包头市
 */
public record ArticleView(Chrome chrome, String kicker, String title, String subtitle, List<String> meta,
        String dateline, String bodyHtml, String byline, List<String> tags, List<Link> breadcrumb,
        Link previous, Link next, Link page, List<ArticleLink> pageArticles) {
    public ArticleView {
        meta = List.copyOf(meta);
        tags = List.copyOf(tags);
        breadcrumb = List.copyOf(breadcrumb);
        pageArticles = List.copyOf(pageArticles);
    }
}
