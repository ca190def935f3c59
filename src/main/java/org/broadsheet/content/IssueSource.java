package org.broadsheet.content;

import java.time.LocalDate;
import java.util.OptionalInt;

/** An issue folder ({@code content/YYYY/MM/DD/}) with its optional {@code _issue.yml} read. */
public record IssueSource(LocalDate date, OptionalInt number, String edition, String note) {
}
