package org.broadsheet.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * What the head of a page text says: which page of which issue it is, and who made it.
 *
 * @param paper   the paper's name as printed, or empty
 * @param section the page's name (政法时空), or empty
 * @param editors in print order
 */
public record PageHeader(int number, LocalDate date, String paper, String section, List<Editor> editors) {
    public PageHeader {
        editors = List.copyOf(editors);
    }

    /** One credit of the editors' line: 责任编辑 钱某. */
    public record Editor(String role, String name) {
    }
}
