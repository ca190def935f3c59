package org.broadsheet.render.view;

/** A page outside the dated archive; {@code bodyHtml} is trusted engine output. */
public record StandaloneView(Chrome chrome, String title, String bodyHtml) {
}
