package org.broadsheet.archive;

import java.time.YearMonth;
import java.util.List;

/** The issues of one month, in date order. */
public record Month(YearMonth yearMonth, List<Issue> issues) {
    public Month {
        issues = List.copyOf(issues);
    }
}
