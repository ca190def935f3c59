package org.broadsheet.archive;

import java.time.LocalDate;

/** Where an article sits: its issue date, its page and its slug (unique within the page). */
public record ArticleId(LocalDate date, int page, String slug) {
    // Written out rather than generated: ids key several maps of every article, and the generated methods
    // (an invokedynamic bootstrap) are several times slower under the launcher's C1 compiler.
    @Override
    public boolean equals(Object other) {
        return other instanceof ArticleId id && page == id.page && date.equals(id.date) && slug.equals(id.slug);
    }

    @Override
    public int hashCode() {
        return (date.hashCode() * 31 + page) * 31 + slug.hashCode();
    }
}
