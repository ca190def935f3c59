package org.broadsheet.render;

import java.time.Duration;

/**
 * How long one page's template may run and how much it may write. Real pages take milliseconds and a few
 * hundred kilobytes; the limits are there for a theme's mistake (a loop over an endless range, a macro that
 * calls itself), which would otherwise hang the build while it holds the site's lock, or fill the heap.
 *
 * @param time     per page, from the start of its template to its last character
 * @param maxChars characters one page may hold
 */
public record TemplateLimits(Duration time, int maxChars) {
    /** Ten seconds and 16 million characters (32 MB of heap) per page. */
    public static final TemplateLimits DEFAULT = new TemplateLimits(Duration.ofSeconds(10), 16 << 20);

    public TemplateLimits {
        if (time.isNegative() || time.isZero() || maxChars < 1) {
            throw new IllegalArgumentException("template limits must be positive: " + time + ", " + maxChars);
        }
    }
}
