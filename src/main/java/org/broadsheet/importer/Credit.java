package org.broadsheet.importer;

import java.util.List;

/**
 * Who a story is by, from its printed byline: reporters ("（张某 李某）") or a supplying organisation
 * ("（某某法院供稿）", kept without 供稿, as front matter's {@code source} holds it).
 */
public record Credit(List<String> authors, String source) {
    public static final Credit NONE = new Credit(List.of(), "");

    public Credit {
        authors = List.copyOf(authors);
    }

    public boolean isEmpty() {
        return authors.isEmpty() && source.isEmpty();
    }
}
