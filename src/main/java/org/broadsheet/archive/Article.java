package org.broadsheet.archive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One story as printed. Text fields that the story lacks (kicker, subtitle, dateline) are empty strings,
 * never null.
 *
 * @param source     the Markdown file it came from, relative to the site (for messages and the build cache)
 * @param kicker     引题, the line above the headline
 * @param subtitle   副题, the line below it
 * @param dateline   as printed, e.g. 包头讯
 * @param body       the rendered body: only the story, without dateline or byline; read by a {@link BodyReader}
 * @param continuesOn the page a story jumps to (转第N版), if any
 * @param area       the story's rectangle on the page scan, [x, y, w, h] in percent; empty when unknown
 * @param extra      free-form values from front matter for themes: strings, lists and maps only
 */
public record Article(
        ArticleId id,
        String source,
        String title,
        String kicker,
        String subtitle,
        String dateline,
        Optional<Bureau> bureau,
        Byline byline,
        List<String> tags,
        Body body,
        boolean withdrawn,
        OptionalInt continuesOn,
        List<Double> area,
        List<String> aliases,
        Map<String, Object> extra) {

    public Article {
        tags = List.copyOf(tags);
        area = List.copyOf(area);
        aliases = List.copyOf(aliases);
        // Keeps the order written in front matter: Map.copyOf would iterate differently in every JVM run.
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}
