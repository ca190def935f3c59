package org.broadsheet.archive;

import java.util.List;

/** The months of one year that have at least one issue, in order. */
public record Year(int year, List<Month> months) {
    public Year {
        months = List.copyOf(months);
    }
}
