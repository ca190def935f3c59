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

    /**
     * The engine as plain CommonMark, exactly what the spec's examples expect: raw HTML allowed, no
     * extensions, no figures, no URL policy. For the conformance test only: never build a site with it.
     */
    static MarkdownEngine specOnly(EngineName name) {
        return switch (name) {
            case FLEXMARK -> FlexmarkEngine.specOnly();
            case COMMONMARK -> CommonmarkEngine.specOnly();
        };
    }
}
