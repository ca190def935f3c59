package org.broadsheet.render.view;

/** An old address (an alias) that sends readers on to an article: relative target, absolute canonical. */
public record RedirectView(String title, String target, String canonical) {
}
