package org.broadsheet.archive;

/** A page outside the dated archive (关于本报), listed in every page's footer. */
public record StandalonePage(String slug, String title, String source, String bodyHtml) {
}
