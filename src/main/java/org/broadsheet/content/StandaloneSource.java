package org.broadsheet.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A page outside the dated archive ({@code content/pages/about.md}): 关于本报, 联系我们, 版权声明.
 *
 * @param order position in the footer's list of such pages; file-name order when absent
 */
public record StandaloneSource(Path file, String slug, String title, OptionalInt order, boolean draft,
        Map<String, Object> extra, String body, int bodyFirstLine) {
    public StandaloneSource {
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    /** The keys such a page may have in its front matter. */
    public static final java.util.List<String> KEYS = java.util.List.of("title", "slug", "order", "draft", "extra");
}
