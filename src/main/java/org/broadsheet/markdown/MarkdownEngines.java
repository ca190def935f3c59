package org.broadsheet.markdown;

import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;

/** Builds the engine a site asked for. */
public final class MarkdownEngines {
    private MarkdownEngines() {
    }

    public static MarkdownEngine create(EngineName name, HtmlPolicy html) {
        return switch (name) {
            case FLEXMARK -> new FlexmarkEngine(html);
            case COMMONMARK -> new CommonmarkEngine(html);
        };
    }
}
