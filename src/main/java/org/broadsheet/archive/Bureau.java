package org.broadsheet.archive;

import java.util.List;

/**
 * One of the paper's regional bureaus (a 盟 or 市 of Inner Mongolia), e.g. 包头市.
 *
 * @param name      the full Chinese name, as written in front matter (包头市, 阿拉善盟)
 * @param slug      a fixed ASCII name for URLs (baotou)
 * @param datelines the place names whose datelines this bureau files (包头, 达茂旗, 百灵庙 …)
 */
public record Bureau(String name, String slug, List<String> datelines) {
    public Bureau {
        datelines = List.copyOf(datelines);
    }
}
