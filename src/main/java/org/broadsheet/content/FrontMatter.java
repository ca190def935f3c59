package org.broadsheet.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An article's front matter, typed by the schema in README ("Article front matter").
 *
 * @param keyLines the file line of each key present, so later stages can point at it
 */
public record FrontMatter(
        String title,
        String kicker,
        String subtitle,
        String dateline,
        String bureau,
        List<String> authors,
        String source,
        List<String> tags,
        Optional<String> slug,
        OptionalInt order,
        boolean draft,
        boolean withdrawn,
        Optional<LocalDate> date,
        OptionalInt page,
        OptionalInt continues,
        List<Double> area,
        List<String> aliases,
        Map<String, Object> extra,
        Map<String, Integer> keyLines) {

    /** The file line of {@code key}, for messages about its value; 0 when the key is absent. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, 0);
    }

    /** Every key an article may have; anything else is a typo or a misunderstanding. */
    public static final List<String> KEYS = List.of("title", "kicker", "subtitle", "dateline", "bureau", "authors",
            "source", "tags", "slug", "order", "draft", "withdrawn", "date", "page", "continues", "area",
            "aliases", "extra");
}
