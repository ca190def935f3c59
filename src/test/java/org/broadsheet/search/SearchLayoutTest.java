package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

/** A story's segment is its year, four digits, and its quarter: the folder name its files are published under. */
class SearchLayoutTest {
    @Test
    void aSegmentIsTheYearInFourDigitsAndTheQuarter() {
        assertThat(SearchLayout.segmentOf(LocalDate.of(2025, Month.DECEMBER, 12))).isEqualTo("2025-4");
        assertThat(SearchLayout.segmentOf(LocalDate.of(2025, Month.JANUARY, 1))).isEqualTo("2025-1");
        assertThat(SearchLayout.segmentOf(LocalDate.of(2025, Month.MARCH, 31))).isEqualTo("2025-1");
        assertThat(SearchLayout.segmentOf(LocalDate.of(2025, Month.APRIL, 1))).isEqualTo("2025-2");
        assertThat(SearchLayout.segmentOf(LocalDate.of(1872, Month.SEPTEMBER, 30))).isEqualTo("1872-3");
        assertThat(SearchLayout.segmentOf(LocalDate.of(999, Month.OCTOBER, 1))).isEqualTo("0999-4");
        assertThat(SearchLayout.segmentOf(LocalDate.of(7, Month.MAY, 1))).isEqualTo("0007-2");
    }

    @Test
    void yearsOutsideFourDigitsAreWrittenAsBefore() {
        assertThat(SearchLayout.segmentOf(LocalDate.of(12025, Month.JULY, 1))).isEqualTo("12025-3");
        assertThat(SearchLayout.segmentOf(LocalDate.of(-5, Month.JULY, 1))).isEqualTo("-005-3");
    }
}
