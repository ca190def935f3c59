package org.broadsheet.search;

import java.util.Arrays;

/**
 * The postings of a segment's pair terms. While stories are added, each unit's place in the segment (its stories
 * one after another) records the pair that starts there as its two units, or nothing; when the segment is read,
 * the places are grouped by their first unit (a counting sort) and each first unit's places by their second unit
 * (another, in arrays indexed by unit, which stay in the cache), both keeping the places in order, and every
 * pair's postings are written one after another into one array. Grouping by a table of pair ids instead looked
 * a pair up at every place and scattered the places to as many groups as there are pairs, waiting on memory
 * more the wider the vocabulary (bench/README.md, "Places grouped by first unit, then second"). The large arrays come
 * from and go back to an {@link IndexScratch}, so that they grow by copies only in a build's first segments.
 */
final class PairPostings {
    /** The most bytes a number takes in {@link NumberCode}: 32 bits at five a char. */
    private static final int MAX_CODE = 7;
    /** A place that starts no pair. */
    private static final long NONE = -1;
    /** Bits of a grouped place's story and position when every story, position and unit fits (see encode). */
    private static final int STORY_BITS = 21;
    private static final int POSITION_BITS = 20;
    private final IndexScratch scratch;
    /** Whether grouped places may hold story and position (tests turn it off to try the other layout). */
    private final boolean compactAllowed;
    /** Per place in the segment: the pair starting there as {@link #key}, or {@link #NONE}. */
    private long[] log;
    /** Per unit id + 1: how many pairs start with that unit. */
    private int[] firstCounts = new int[1024];
    /** Where each story's places begin; the last element is where the next story would begin. */
    private int[] storyStart = new int[] {0, 0};
    private int stories;
    private int mostPlaces;

    PairPostings(IndexScratch scratch) {
        this(scratch, true);
    }

    PairPostings(IndexScratch scratch, boolean compactAllowed) {
        this.scratch = scratch;
        this.compactAllowed = compactAllowed;
        log = scratch.log;
    }

    /**
     * The pair of units {@code first} then {@code second}, {@code spaced} when white space lay between: the key
     * {@link TermOrder} reads a pair's units from.
     */
    static long key(int first, int second, boolean spaced) {
        return ((long) first << 32) | ((long) second << 1) | (spaced ? 1 : 0);
    }

    /** Records that place {@code position} of the story being added starts the pair {@code first, second}. */
    void place(int position, int first, int second, boolean spaced) {
        record(position, key(first, second, spaced));
        if (first + 1 >= firstCounts.length) {
            firstCounts = Arrays.copyOf(firstCounts, Math.max(firstCounts.length * 2, first + 2));
        }
        firstCounts[first + 1]++;
    }

    /** Records that place {@code position} of the story being added starts no pair. */
    void placeNone(int position) {
        record(position, NONE);
    }

    private void record(int position, long entry) {
        int at = storyStart[stories] + position;
        if (at >= log.length) {
            log = Arrays.copyOf(log, Math.max(1 << 16, log.length * 2));
        }
        log[at] = entry;
    }

    /** Ends the story being added, which has {@code places} units (its last starts no pair). */
    void endStory(int places) {
        if (places > 0) {
            placeNone(places - 1);
        }
        mostPlaces = Math.max(mostPlaces, places);
        if (stories + 3 > storyStart.length) {
            storyStart = Arrays.copyOf(storyStart, storyStart.length * 2);
        }
        storyStart[stories + 1] = storyStart[stories] + places;
        stories++;
        storyStart[stories + 1] = storyStart[stories];
    }

    /**
     * Every pair's postings, as {@link TermEntry#code()} arrays would hold them, for a segment of {@code units}
     * units: one array for all, per pair its offset (with one more element, the end) and its {@link #key}. The
     * last use of this object: its arrays go back to the scratch, whose {@code codes} then hold the postings.
     */
    Encoded encode(int units) {
        int[] bucketStart = Arrays.copyOf(firstCounts, Math.max(firstCounts.length, units + 1));
        for (int unit = 0; unit < units; unit++) {
            bucketStart[unit + 1] += bucketStart[unit];
        }
        int places = bucketStart[units];
        // A grouped place holds its second unit and spacing, and its story and position when they fit in the
        // bits left; otherwise its place in the log, whose story is then found from the place.
        boolean compact = compactAllowed && units < 1 << (63 - STORY_BITS - POSITION_BITS - 1)
                && stories < 1 << STORY_BITS && mostPlaces < 1 << POSITION_BITS;
        long[] grouped = scratch.grouped(places);
        group(grouped, Arrays.copyOf(bucketStart, units), compact);
        long[] sorted = log; // the log is read: it holds each bucket grouped by second unit next
        int[] storyOf = compact ? null : storyOfPlaces();
        byte[] code = scratch.codes(places * 4 + 16);
        int[] stamp = new int[2 * units + 2];
        Arrays.fill(stamp, -1);
        int[] next = new int[2 * units + 2];
        int[] seconds = new int[2 * units + 2];
        long[] keys = new long[Math.max(16, places / 64)];
        int[] offsets = new int[keys.length + 1];
        int pairs = 0;
        int size = 0;
        int secondShift = compact ? STORY_BITS + POSITION_BITS : 31;
        for (int first = 0; first < units; first++) {
            int from = bucketStart[first];
            int to = bucketStart[first + 1];
            if (from == to) {
                continue;
            }
            int distinct = bySecond(grouped, from, to, first, secondShift, stamp, next, seconds, sorted);
            int at = from;
            for (int d = 0; d < distinct; d++) {
                int end = next[seconds[d]];
                // Each place gives at most three numbers (a story's gap and count, and its position).
                if (size + (end - at) * 3 * MAX_CODE > code.length) {
                    code = Arrays.copyOf(code, Math.max(code.length * 2, size + (end - at) * 3 * MAX_CODE));
                }
                if (pairs + 1 == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                    offsets = Arrays.copyOf(offsets, keys.length + 1);
                }
                keys[pairs] = (long) first << 32 | seconds[d];
                offsets[pairs++] = size;
                size = writePair(code, size, sorted, at, end, storyOf);
                at = end;
            }
        }
        offsets[pairs] = size;
        scratch.log = log;
        scratch.grouped = grouped;
        scratch.codes = code; // the segment's shards read it until its files are released
        this.log = null;
        return new Encoded(code, Arrays.copyOf(offsets, pairs + 1), Arrays.copyOf(keys, pairs));
    }

    /** The places that start a pair, in order, into their first unit's bucket, each as the layout asks. */
    private void group(long[] grouped, int[] cursor, boolean compact) {
        for (int story = 0; story < stories; story++) {
            int first = storyStart[story];
            for (int at = first, end = storyStart[story + 1]; at < end; at++) {
                long entry = log[at];
                if (entry != NONE) {
                    long second = entry & 0xFFFF_FFFFL;
                    grouped[cursor[(int) (entry >>> 32)]++] = compact
                            ? second << (STORY_BITS + POSITION_BITS) | (long) story << POSITION_BITS | (at - first)
                            : second << 31 | at;
                }
            }
        }
    }

    /**
     * Groups the places from {@code from} to {@code to} of {@code grouped} (one first unit's) by second unit into
     * {@code sorted} at the same indices, keeping their order; returns how many seconds there are, listed in
     * {@code seconds} in order of first appearance, each one's group ending at {@code next[second]}.
     */
    private static int bySecond(long[] grouped, int from, int to, int first, int shift, int[] stamp, int[] next,
            int[] seconds, long[] sorted) {
        int distinct = 0;
        for (int i = from; i < to; i++) {
            int second = (int) (grouped[i] >>> shift);
            if (stamp[second] != first) {
                stamp[second] = first;
                next[second] = 0;
                seconds[distinct++] = second;
            }
            next[second]++;
        }
        int start = from;
        for (int d = 0; d < distinct; d++) {
            int count = next[seconds[d]];
            next[seconds[d]] = start;
            start += count;
        }
        for (int i = from; i < to; i++) {
            sorted[next[(int) (grouped[i] >>> shift)]++] = grouped[i];
        }
        return distinct;
    }

    /** Each place's story, for the layout that keeps places rather than stories and positions. */
    private int[] storyOfPlaces() {
        int[] storyOf = new int[storyStart[stories]];
        for (int story = 0; story < stories; story++) {
            Arrays.fill(storyOf, storyStart[story], storyStart[story + 1], story);
        }
        return storyOf;
    }

    /**
     * A pair's entry per story, from its places {@code from} to {@code to} of {@code sorted}, written into
     * {@code code} at {@code at}: the gap to its previous story, the number of positions less one, their gaps.
     * Returns where it ends. {@code storyOf} is null when a place holds its story and position, else each log
     * place's story.
     */
    private int writePair(byte[] code, int at, long[] sorted, int from, int to, int[] storyOf) {
        int lastStory = -1;
        int i = from;
        while (i < to) {
            int story = story(sorted[i], storyOf);
            int end = i + 1;
            while (end < to && story(sorted[end], storyOf) == story) {
                end++;
            }
            at = number(code, at, story - lastStory - 1);
            at = number(code, at, end - i - 1);
            int previous = -1;
            for (int k = i; k < end; k++) {
                int position = position(sorted[k], story, storyOf);
                at = number(code, at, position - previous - 1);
                previous = position;
            }
            lastStory = story;
            i = end;
        }
        return at;
    }

    /** A grouped place's story, in either layout (see {@link #writePair}). */
    private static int story(long place, int[] storyOf) {
        return storyOf == null ? (int) (place >>> POSITION_BITS) & ((1 << STORY_BITS) - 1)
                : storyOf[(int) place & Integer.MAX_VALUE];
    }

    /** A grouped place's position in its story, in either layout. */
    private int position(long place, int story, int[] storyOf) {
        return storyOf == null ? (int) place & ((1 << POSITION_BITS) - 1)
                : ((int) place & Integer.MAX_VALUE) - storyStart[story];
    }

    /**
     * One number; under 32 (one char, most of them) written here, not by a call, which showed under the
     * launcher's C1 compiler.
     */
    private static int number(byte[] code, int at, int value) {
        if (value < 32) {
            code[at] = NumberCode.BYTES[value];
            return at + 1;
        }
        return NumberCode.write(code, at, value);
    }

    /** All pairs' postings in one array, pair by pair, and each pair's {@link #key}. */
    record Encoded(byte[] code, int[] offsets, long[] keys) {
    }
}
