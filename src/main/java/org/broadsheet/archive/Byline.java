package org.broadsheet.archive;

import java.util.List;

/**
 * Who wrote or supplied a story: reporters by name ("张三 李四"), or an organisation that supplied it
 * ("某某法院" 供稿). Printed once, after the story's last paragraph.
 */
public record Byline(List<String> authors, String source) {
    public Byline {
        authors = List.copyOf(authors);
        source = source == null ? "" : source;
    }

    public boolean isEmpty() {
        return authors.isEmpty() && source.isEmpty();
    }
}
