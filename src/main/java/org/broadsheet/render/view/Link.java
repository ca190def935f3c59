package org.broadsheet.render.view;

/** A link as templates print it: a relative href and its text. {@code current} marks the page itself. */
public record Link(String href, String text, boolean current) {
    public static Link of(String href, String text) {
        return new Link(href, text, false);
    }
}
