package org.broadsheet.archive;

/**
 * An article's rendered body, as the model refers to it. A large archive keeps its bodies on disk (the build
 * cache), so that memory holds only what lists and neighbours need; a small one, or a test, keeps them in
 * memory. The model never reads a body itself: a {@link BodyReader}, owned by whoever owns the file, does. So
 * the model holds no open file and can outlive the build that made it.
 */
public interface Body {
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
