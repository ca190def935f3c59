package org.broadsheet.archive;

import java.time.LocalDate;

/** Where an article sits: its issue date, its page and its slug (unique within the page). */
public record ArticleId(LocalDate date, int page, String slug) {
}
