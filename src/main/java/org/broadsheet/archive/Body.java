package org.broadsheet.archive;

/**
 * An article's rendered body, read when its page is rendered. A large archive keeps its bodies on disk
 * (the build cache), so that memory holds only what lists and neighbours need; a small one, or a test,
 * keeps them in memory.
 */
public interface Body {
    /** The body as trusted HTML from the Markdown engine. */
    String html();

    /**
     * What identifies these bytes without reading them: equal tokens mean equal HTML. Pages that show the
     * body use it to tell whether they must be rendered again.
     */
    String token();

    /** A body held in memory. */
    static Body of(String html) {
        return new InMemory(html);
    }

    /** A body held in memory; its token is the text itself. */
    record InMemory(String html) implements Body {
        public InMemory {
            java.util.Objects.requireNonNull(html, "html");
        }

        @Override
        public String token() {
            return html;
        }
    }
}
