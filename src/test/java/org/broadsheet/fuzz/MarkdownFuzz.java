package org.broadsheet.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.broadsheet.markdown.GuardedMarkdown;
import org.broadsheet.markdown.MarkdownEngines;

/**
 * Fuzz target: any text as an article body, through both engines with the default policy. Rendering must
 * return HTML or a contained failure, and the HTML must never carry a script element or a script URL.
 */
public final class MarkdownFuzz {
    private static final GuardedMarkdown[] ENGINES = {
        new GuardedMarkdown(MarkdownEngines.create(EngineName.FLEXMARK, HtmlPolicy.STRIP)),
        new GuardedMarkdown(MarkdownEngines.create(EngineName.COMMONMARK, HtmlPolicy.STRIP)),
    };

    private MarkdownFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        String markdown = new String(data, StandardCharsets.UTF_8);
        for (GuardedMarkdown engine : ENGINES) {
            GuardedMarkdown.Outcome outcome = engine.render(markdown);
            String html = outcome.html().toLowerCase(Locale.ROOT);
            if (html.contains("<script") || html.contains("href=\"javascript:") || html.contains("src=\"javascript:")
                    || html.contains("href=\"vbscript:") || html.contains("href=\"data:")) {
                throw new IllegalStateException(engine.engine().name() + " let a script through: " + html);
            }
        }
    }
}
