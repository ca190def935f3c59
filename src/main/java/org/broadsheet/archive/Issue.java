package org.broadsheet.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * One day's paper.
 *
 * @param number  the running issue number (总第N期), when known
 * @param edition a special edition's name (特刊), or empty
 * @param pages   in page order
 */
public record Issue(LocalDate date, OptionalInt number, String edition, String note, List<Page> pages) {
    public Issue {
        pages = List.copyOf(pages);
    }

    public int articleCount() {
        return pages.stream().mapToInt(page -> page.articles().size()).sum();
    }
}
