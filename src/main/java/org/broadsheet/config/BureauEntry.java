package org.broadsheet.config;

import java.util.List;

/**
 * A bureau as the {@link Gazetteer} lists it: the built-in entry with the site's {@code bureaus} settings
 * applied. Configuration, not the model: the build turns each entry into the archive's {@code Bureau}.
 *
 * @param name      the full Chinese name, as written in front matter (包头市, 阿拉善盟)
 * @param slug      a fixed ASCII name for URLs (baotou)
 * @param datelines the place names whose datelines this bureau files (包头, 达茂旗, 百灵庙 …)
 */
public record BureauEntry(String name, String slug, List<String> datelines) {
    public BureauEntry {
        datelines = List.copyOf(datelines);
    }
}
