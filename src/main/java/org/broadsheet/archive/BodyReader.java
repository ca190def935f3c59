package org.broadsheet.archive;

/**
 * Reads the HTML of the bodies the model refers to. The build cache's body store is one, and reads the bodies
 * it keeps on disk; {@link #IN_MEMORY} is the other, for models whose bodies are all held in memory (previews,
 * tests).
 */
public interface BodyReader {
    /** A reader of bodies held in memory, which refuses a body kept anywhere else. */
    BodyReader IN_MEMORY = body -> {
        if (body instanceof Body.InMemory held) {
            return held.html();
        }
        throw new IllegalArgumentException("a body kept on disk (" + body.token() + ") needs the store it is in");
    };

    /** The body's HTML, as trusted HTML from the Markdown engine. */
    String html(Body body);
}
