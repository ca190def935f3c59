package org.broadsheet.search;

import java.time.LocalDate;

/**
 * Where the index lives and how it is cut: one segment per calendar quarter (a reader's query reads the newest
 * first and usually stops there; an edit rewrites one quarter's files), each cut into shards of about
 * {@value #SHARD_BYTES} compressed bytes, and display data in chunks of {@value #CHUNK} stories. The number of
 * shards follows from the number of stories, so that it is known before anything is indexed: a segment whose
 * stories did not change is kept without being read.
 */
public final class SearchLayout {
    /**
     * Added to a segment's first day (days since 1970-01-01) so that it is never negative: the numbers in the
     * index are unsigned, and an archive may reach back to the nineteenth century. search.js subtracts it too.
     */
    public static final long DAY_OFFSET = 1_000_000;
    /** The search page's route. */
    public static final String PAGE = "search/";
    public static final String MANIFEST = "search/index.json";
    public static final int CHUNK = 200;
    static final int SHARD_BYTES = 64 * 1024;
    /** Compressed index bytes per story, measured on the generated corpus (about 1,700 chars of body each). */
    static final int BYTES_PER_STORY = 3300;

    private SearchLayout() {
    }

    /** The segment a story of {@code date} belongs to: its year and quarter, e.g. 2025-4. */
    public static String segmentOf(LocalDate date) {
        int year = date.getYear();
        int quarter = (date.getMonthValue() + 2) / 3;
        if (year < 0 || year > 9999) {
            return String.format(java.util.Locale.ROOT, "%04d-%d", year, quarter);
        }
        // Asked for every story of every build: without a Formatter, which cost 4% of what an edit allocated.
        String digits = Integer.toString(year);
        return "0000".substring(digits.length()) + digits + "-" + quarter;
    }

    public static int shardCount(int stories) {
        return (int) Math.max(1, ((long) stories * BYTES_PER_STORY + SHARD_BYTES - 1) / SHARD_BYTES);
    }

    public static int chunkCount(int stories) {
        return (stories + CHUNK - 1) / CHUNK;
    }

    public static String meta(String segment) {
        return PAGE + segment + "/meta.json";
    }

    public static String shard(String segment, int index) {
        return PAGE + segment + "/s" + index + ".json";
    }

    /** A file of the {@link TermDirectory}. */
    public static String terms(int index) {
        return PAGE + "terms/" + index + ".json";
    }

    public static String chunk(String segment, int index) {
        return PAGE + segment + "/d" + index + ".json";
    }
}
