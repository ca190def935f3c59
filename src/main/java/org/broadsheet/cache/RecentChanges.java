package org.broadsheet.cache;

/**
 * The window before a build in which a changed file is not trusted by its size and modification time: on a
 * file system that keeps times to the second, a second edit within the same second as the first would look
 * like no change. The stores do not remember such a file, so the next build reads it again.
 */
public final class RecentChanges {
    /** How long before a build a file must have last changed for its size and time to stand for its contents. */
    public static final long WINDOW_NANOS = 2_000_000_000L;

    private RecentChanges() {
    }

    /** Whether a file last modified at {@code modifiedNanos} changed too recently for a build at {@code nowNanos}. */
    static boolean tooRecent(long modifiedNanos, long nowNanos) {
        return modifiedNanos > nowNanos - WINDOW_NANOS;
    }
}
