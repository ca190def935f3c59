package org.broadsheet.render.view;

/** A story as listed on a page, issue or bureau page. */
public record ArticleLink(String href, String title, String kicker, String subtitle, String dateline,
        String context) {
}
