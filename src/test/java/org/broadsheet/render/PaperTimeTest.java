package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTimeTest {
    private static final PaperTime SHANGHAI = new PaperTime(ZoneId.of("Asia/Shanghai"));
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(1, 1, 1), LocalDate.of(1800, 3, 1),
            LocalDate.of(1872, 5, 1), LocalDate.of(1900, 12, 31), LocalDate.of(1901, 1, 1), LocalDate.of(1920, 7, 1),
            LocalDate.of(1949, 10, 1), LocalDate.of(1970, 1, 1), LocalDate.of(2025, 12, 12),
            LocalDate.of(9999, 12, 30));

    @Test
    void beforeStandardTimeTheOffsetIsLocalMeanTimeRoundedDownToTheMinute() {
        assertThat(PaperTime.rfc3339(SHANGHAI.startOf(LocalDate.of(1872, 5, 1))))
                .isEqualTo("1872-05-01T00:00:00+08:05");
        assertThat(PaperTime.rfc822(SHANGHAI.startOf(LocalDate.of(1872, 5, 1))))
                .isEqualTo("Wed, 01 May 1872 00:00:00 +0805");
        assertThat(PaperTime.rfc3339(new PaperTime(ZoneId.of("America/New_York")).startOf(LocalDate.of(1872, 5, 1))))
                .isEqualTo("1872-05-01T00:00:00-04:57");
        assertThat(PaperTime.rfc3339(SHANGHAI.at(SHANGHAI.endOf(LocalDate.of(1900, 12, 31)))))
                .isEqualTo("1900-12-31T23:59:59+08:00");
    }

    @Test
    void standardTimeIsPrintedAsItIs() {
        assertThat(PaperTime.rfc3339(SHANGHAI.startOf(LocalDate.of(2025, 12, 12))))
                .isEqualTo("2025-12-12T00:00:00+08:00");
        assertThat(PaperTime.rfc822(SHANGHAI.startOf(LocalDate.of(2025, 12, 12))))
                .isEqualTo("Fri, 12 Dec 2025 00:00:00 +0800");
        assertThat(PaperTime.rfc3339(SHANGHAI.at(Instant.parse("2025-12-12T15:59:59.999Z"))))
                .isEqualTo("2025-12-12T23:59:59+08:00");
    }

    /** In every zone the tz database knows: whole minutes, and each day's start and end on that day. */
    @Test
    void everyZoneGivesWholeMinutesOnTheRightDay() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneId zone = ZoneId.of(id);
            PaperTime time = new PaperTime(zone);
            for (LocalDate day : DAYS) {
                OffsetDateTime start = time.startOf(day);
                assertThat(start.getOffset().getTotalSeconds() % 60).as(id + " " + day).isZero();
                assertThat(start.toLocalDate()).as(id + " " + day).isEqualTo(day);
                assertThat(start.atZoneSameInstant(zone).toLocalDate()).as(id + " " + day).isEqualTo(day);
                OffsetDateTime end = time.at(time.endOf(day));
                assertThat(end.getOffset().getTotalSeconds() % 60).as(id + " " + day).isZero();
                assertThat(end.toLocalDate()).as(id + " " + day).isEqualTo(day);
                assertThat(time.dateOf(start.toInstant())).as(id + " " + day).isEqualTo(day);
            }
        }
    }
}
