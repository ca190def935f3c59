package org.broadsheet.render.view;

import java.util.List;

/** One page of a bureau's stories, newest first, with 首页 / 上一页 / 1 2 3 / 下一页 / 末页 links. */
public record BureauView(Chrome chrome, String name, int count, List<String> datelines, List<ArticleLink> articles,
        Pagination pagination, Link index) {
    public BureauView {
        datelines = List.copyOf(datelines);
        articles = List.copyOf(articles);
    }

    /** Links are null where there is nowhere to go (no 上一页 on page 1). */
    public record Pagination(int current, int total, Link first, Link previous, List<Link> pages, Link next,
            Link last) {
        public Pagination {
            pages = List.copyOf(pages);
        }
    }
}
