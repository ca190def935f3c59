package org.broadsheet.render.view;

import java.util.List;

/** One page (版面) of an issue with its headlines, as the 版面导航 lists it. */
public record PageSummary(String href, String label, String section, boolean current, List<ArticleLink> articles) {
    public PageSummary {
        articles = List.copyOf(articles);
    }
}
