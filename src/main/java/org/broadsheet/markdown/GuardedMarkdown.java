package org.broadsheet.markdown;

import java.util.Optional;

/**
 * Renders through an engine but keeps one hostile article from taking the build down: oversized input is
 * refused before parsing, and a stack overflow from deep nesting becomes that article's error.
 */
public final class GuardedMarkdown {
    /** Far above any newspaper story (a long one is 20 KB), far below what hurts the parser. */
    public static final int MAX_CHARS = 1_000_000;

    private final MarkdownEngine engine;

    public GuardedMarkdown(MarkdownEngine engine) {
        this.engine = engine;
    }

    public MarkdownEngine engine() {
        return engine;
    }

    /** The HTML, or the reason the article could not be rendered. */
    public record Outcome(String html, Optional<String> failure) {
        static Outcome ok(String html) {
            return new Outcome(html, Optional.empty());
        }

        static Outcome failed(String reason) {
            return new Outcome("", Optional.of(reason));
        }
    }

    public Outcome render(String markdown) {
        if (markdown.length() > MAX_CHARS) {
            return Outcome.failed("article body is " + markdown.length() + " characters, more than the limit of "
                    + MAX_CHARS);
        }
        try {
            return Outcome.ok(engine.render(markdown));
        } catch (StackOverflowError e) {
            return Outcome.failed("Markdown nested too deeply for the " + engine.name() + " engine");
        }
    }
}
