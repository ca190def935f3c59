package org.broadsheet.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The paper's days as instants and timestamps, in the site's time zone. Every timestamp Broadsheet prints
 * (feeds, news sitemap, JSON-LD, Open Graph) and every instant it compares with the build's clock comes from
 * here, so that all formats agree.
 *
 * <p>Offsets are whole minutes. Before time zones were standardised the tz database gives each zone its
 * city's local mean time, e.g. +08:05:43 for Asia/Shanghai before 1901, and neither RFC 3339 (Atom, JSON
 * Feed, JSON-LD), the W3C datetime of sitemaps nor RFC 822 (RSS) can write seconds in an offset. Such an
 * offset is rounded <em>down</em> to the minute (+08:05:43 to +08:05, −04:56:02 to −04:57), which is
 * defensible for any zone without choosing a reference year: the offset moves by less than a minute, and
 * since it only ever gets smaller, a day's start printed as local midnight is an instant less than a minute
 * <em>after</em> the true midnight, so it stays on the same day under the zone's own rules. Borrowing a
 * later standard offset instead would move the instant by up to an hour, and where that offset is larger
 * than the mean time (Asia/Singapore: +06:55:25 until 1905, then +07:00, now +08:00) onto the day before.
 */
public final class PaperTime {
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** RFC 822 as RSS 2.0 uses it: four-digit years, English names, a numeric offset. */
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx",
            Locale.ROOT);

    private final ZoneId zone;

    public PaperTime(ZoneId zone) {
        this.zone = zone;
    }

    /** The start of {@code day}: local midnight (or the first moment after a gap), with a whole-minute offset. */
    public OffsetDateTime startOf(LocalDate day) {
        ZonedDateTime start = day.atStartOfDay(zone);
        return OffsetDateTime.of(start.toLocalDateTime(), wholeMinutes(start.getOffset()));
    }

    /** The last second of {@code day}. */
    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1)).toInstant().minusSeconds(1);
    }

    /**
     * {@code instant} as the paper's clock shows it, to the second (RSS cannot say less, and the formats
     * should agree); the offset is whole minutes.
     */
    public OffsetDateTime at(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        return second.atOffset(wholeMinutes(zone.getRules().getOffset(second)));
    }

    /** The day the paper's clock shows at {@code instant}. */
    public LocalDate dateOf(Instant instant) {
        return at(instant).toLocalDate();
    }

    /** RFC 3339, which is also the W3C datetime of sitemaps, e.g. {@code 2025-12-12T00:00:00+08:00}. */
    public static String rfc3339(OffsetDateTime time) {
        return time.format(RFC_3339);
    }

    /** RFC 822 as RSS uses it, e.g. {@code Fri, 12 Dec 2025 00:00:00 +0800}. */
    public static String rfc822(OffsetDateTime time) {
        return time.format(RFC_822);
    }

    private static ZoneOffset wholeMinutes(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        return seconds % 60 == 0 ? offset : ZoneOffset.ofTotalSeconds(Math.floorDiv(seconds, 60) * 60);
    }
}
