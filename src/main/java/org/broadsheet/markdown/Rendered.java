package org.broadsheet.markdown;

import java.util.List;

/**
 * What an engine made of one body: its HTML, and the body's links and images that lead to files of the site,
 * in the order they appear, so that the build can tell whether those files exist.
 */
public record Rendered(String html, List<LocalTarget> targets) {
    public Rendered {
        targets = List.copyOf(targets);
    }
}
