package org.broadsheet.search;

import java.util.Arrays;

/**
 * Every term's postings, made from a segment's {@link PlaceLog}. The places are grouped by unit (a counting sort),
 * which lists each unit's stories in order, and each unit's places by the unit that follows (another, in small
 * arrays indexed by unit, which stay in the cache), which lists the places where each pair starts; both sorts keep
 * the places in order, so postings are written straight from the groups. Grouping by a table of pair ids instead
 * looked a pair up at every place and scattered the places to as many groups as there are pairs, waiting on memory
 * more the wider the vocabulary (bench/README.md, "Places grouped by first unit, then second").
 */
final class SegmentPostings {
    /** The most bytes a number takes in {@link NumberCode}: 32 bits at five a char. */
    private static final int MAX_CODE = 7;
    /** Bits of a grouped place's story and position when every story, position and unit fits (see encode). */
    private static final int STORY_BITS = 21;
    private static final int POSITION_BITS = 20;
    private final PlaceLog log;
    private final IndexScratch scratch;
    /** Whether grouped places may hold story and position (tests turn it off to try the other layout). */
    private final boolean compactAllowed;
    /** Each place's story, for the layout that keeps places rather than stories and positions; else null. */
    private int[] storyOf;
    /** Where a grouped place's unit after it begins (see {@link #group}). */
    private int secondShift;
    /** Per "unit after": the first unit whose group last counted it, its count and then its group's end. */
    private int[] stamp;
    private int[] next;
    /** The units after the group's first unit, in order of first appearance. */
    private int[] seconds;
    /** The units' postings so far, and their length. */
    private byte[] unitCode;
    private int unitSize;

    private SegmentPostings(PlaceLog log, IndexScratch scratch, boolean compactAllowed) {
        this.log = log;
        this.scratch = scratch;
        this.compactAllowed = compactAllowed;
    }

    /**
     * The pair of units {@code first} then {@code second}, {@code spaced} when white space lay between: the key
     * {@link TermOrder} reads a pair's units from.
     */
    static long key(int first, int second, boolean spaced) {
        return ((long) first << 32) | ((long) second << 1) | (spaced ? 1 : 0);
    }

    /**
     * The postings of a segment of {@code units} units whose places {@code log} holds. The log's last use: its
     * array and the postings' go back to {@code scratch}, whose arrays then hold the postings.
     */
    static Encoded encode(PlaceLog log, int units, IndexScratch scratch) {
        return new SegmentPostings(log, scratch, true).encode(units);
    }

    /** As {@link #encode(PlaceLog, int, IndexScratch)}, with the compact layout of a place only if allowed. */
    static Encoded encode(PlaceLog log, int units, IndexScratch scratch, boolean compactAllowed) {
        return new SegmentPostings(log, scratch, compactAllowed).encode(units);
    }

    private Encoded encode(int units) {
        int[] counts = log.counts();
        int[] bucketStart = Arrays.copyOf(counts, Math.max(counts.length, units + 1));
        for (int unit = 0; unit < units; unit++) {
            bucketStart[unit + 1] += bucketStart[unit];
        }
        int places = log.size();
        // A grouped place holds the unit after it (shifted, with the spacing) and its story and position when they
        // fit in the bits left; otherwise its place in the log, whose story is then found from the place.
        boolean compact = compactAllowed && units < 1 << (63 - STORY_BITS - POSITION_BITS - 1)
                && log.stories() < 1 << STORY_BITS && longestStory() < 1 << POSITION_BITS;
        int noPair = 2 * units; // the "unit after" of a place that starts no pair: one past every real one
        long[] grouped = scratch.grouped(places);
        group(log.release(), grouped, Arrays.copyOf(bucketStart, units), noPair, compact);
        int largest = 0;
        for (int unit = 0; unit < units; unit++) {
            largest = Math.max(largest, bucketStart[unit + 1] - bucketStart[unit]);
        }
        // One unit's places at a time, small enough to stay in the cache while its pairs are written.
        long[] sorted = scratch.sorted(largest);
        storyOf = compact ? null : storyOfPlaces();
        secondShift = compact ? STORY_BITS + POSITION_BITS : 31;
        unitCode = scratch.unitCodes(places / 2 + 16);
        int[] unitOffsets = new int[units + 1];
        byte[] code = scratch.codes(places * 4 + 16);
        stamp = new int[noPair + 2];
        Arrays.fill(stamp, -1);
        next = new int[noPair + 2];
        seconds = new int[noPair + 2];
        long[] keys = new long[Math.max(16, places / 64)];
        int[] offsets = new int[keys.length + 1];
        int pairs = 0;
        int size = 0;
        for (int first = 0; first < units; first++) {
            int from = bucketStart[first];
            int to = bucketStart[first + 1];
            // A unit's stories and a pair's places: at most one number a place for the first, three for the second.
            if (unitSize + (to - from) * MAX_CODE > unitCode.length) {
                unitCode = Arrays.copyOf(unitCode, Math.max(unitCode.length * 2, unitSize + (to - from) * MAX_CODE));
            }
            if (size + (to - from) * 3 * MAX_CODE > code.length) {
                code = Arrays.copyOf(code, Math.max(code.length * 2, size + (to - from) * 3 * MAX_CODE));
            }
            unitOffsets[first] = unitSize;
            int distinct = unitAndSeconds(grouped, from, to, first);
            bySecond(grouped, from, to, distinct, sorted);
            if (pairs + distinct >= keys.length) {
                keys = Arrays.copyOf(keys, Math.max(keys.length * 2, pairs + distinct + 1));
                offsets = Arrays.copyOf(offsets, keys.length + 1);
            }
            int at = 0;
            for (int d = 0; d < distinct; d++) {
                int end = next[seconds[d]];
                if (seconds[d] != noPair) {
                    keys[pairs] = (long) first << 32 | seconds[d];
                    offsets[pairs++] = size;
                    size = writePair(code, size, sorted, at, end);
                }
                at = end;
            }
        }
        unitOffsets[units] = unitSize;
        offsets[pairs] = size;
        scratch.grouped = grouped;
        scratch.codes = code; // the segment's shards read these until its files are released
        scratch.unitCodes = unitCode;
        return new Encoded(unitCode, unitOffsets, code, Arrays.copyOf(offsets, pairs + 1), Arrays.copyOf(keys, pairs));
    }

    /**
     * Every place, in order, into its unit's group, as the layout asks: the unit after it (or {@code noPair} when
     * the place ends a run, so that no pair starts there) above its story and position, or above its place.
     */
    private void group(int[] places, long[] grouped, int[] cursor, int noPair, boolean compact) {
        int[] storyStart = log.storyStarts();
        for (int story = 0; story < log.stories(); story++) {
            int first = storyStart[story];
            int end = storyStart[story + 1];
            for (int at = first; at < end; at++) {
                long after = noPair;
                if (at + 1 < end) {
                    int next = places[at + 1];
                    int gap = next & 3;
                    if (gap != SearchText.BROKEN) {
                        after = next >>> 2 << 1 | gap; // JOINED is 0 and SPACED 1: the spacing bit
                    }
                }
                grouped[cursor[places[at] >>> 2]++] = compact
                        ? after << (STORY_BITS + POSITION_BITS) | (long) story << POSITION_BITS | (at - first)
                        : after << 31 | at;
            }
        }
    }

    /**
     * Reads the places from {@code from} to {@code to} of {@code grouped}, unit {@code first}'s: writes the unit's
     * entry per story that holds it (the gap to its previous story, doubled, plus one when its first place in the
     * story is in the title), and counts the places by the unit after them. Returns how many units after there are,
     * listed in {@link #seconds} in order of first appearance, each one's count in {@link #next}. One pass for both:
     * the places are read while they are in the cache.
     */
    private int unitAndSeconds(long[] grouped, int from, int to, int first) {
        int[] titleEnds = log.titleEnds();
        byte[] code = unitCode;
        int at = unitSize;
        int lastStory = -1;
        int distinct = 0;
        for (int i = from; i < to; i++) {
            long place = grouped[i];
            int story = story(place);
            if (story != lastStory) {
                boolean inTitle = position(place, story) < titleEnds[story];
                at = number(code, at, (long) (story - lastStory - 1) * 2 + (inTitle ? 1 : 0));
                lastStory = story;
            }
            int second = (int) (place >>> secondShift);
            if (stamp[second] != first) {
                stamp[second] = first;
                next[second] = 0;
                seconds[distinct++] = second;
            }
            next[second]++;
        }
        unitSize = at;
        return distinct;
    }

    /**
     * Places the places from {@code from} to {@code to} of {@code grouped}, counted by {@link #unitAndSeconds}, into
     * {@code sorted} from its start, grouped by the unit after them in the order of {@link #seconds} and keeping
     * their order within each group; each group then ends at {@code next[second]}.
     */
    private void bySecond(long[] grouped, int from, int to, int distinct, long[] sorted) {
        int start = 0;
        for (int d = 0; d < distinct; d++) {
            int count = next[seconds[d]];
            next[seconds[d]] = start;
            start += count;
        }
        int shift = secondShift;
        for (int i = from; i < to; i++) {
            sorted[next[(int) (grouped[i] >>> shift)]++] = grouped[i];
        }
    }

    /** How many places the longest story has. */
    private int longestStory() {
        int[] storyStart = log.storyStarts();
        int longest = 0;
        for (int story = 0; story < log.stories(); story++) {
            longest = Math.max(longest, storyStart[story + 1] - storyStart[story]);
        }
        return longest;
    }

    private int[] storyOfPlaces() {
        int[] storyStart = log.storyStarts();
        int[] stories = new int[storyStart[log.stories()]];
        for (int story = 0; story < log.stories(); story++) {
            Arrays.fill(stories, storyStart[story], storyStart[story + 1], story);
        }
        return stories;
    }

    /**
     * A pair's entry per story, from its places {@code from} to {@code to} of {@code sorted}, written into
     * {@code code} at {@code at}: the gap to its previous story, doubled, plus one when it has more than one
     * position, and then the number of positions less two; then the positions' gaps (see {@link SegmentWriter}).
     * Returns where it ends.
     */
    private int writePair(byte[] code, int at, long[] sorted, int from, int to) {
        int lastStory = -1;
        int i = from;
        while (i < to) {
            long place = sorted[i];
            int story = story(place);
            int gap = story - lastStory - 1;
            if (i + 1 == to || story(sorted[i + 1]) != story) {
                // One position, as most pairs have in most stories: no count, no loop.
                at = number(code, at, (long) gap * 2);
                at = number(code, at, position(place, story));
                i++;
            } else {
                int end = i + 2;
                while (end < to && story(sorted[end]) == story) {
                    end++;
                }
                at = number(code, at, (long) gap * 2 + 1);
                at = number(code, at, end - i - 2);
                int previous = -1;
                for (int k = i; k < end; k++) {
                    int position = position(sorted[k], story);
                    at = number(code, at, position - previous - 1);
                    previous = position;
                }
                i = end;
            }
            lastStory = story;
        }
        return at;
    }

    /** A grouped place's story, in either layout (see {@link #group}). */
    private int story(long place) {
        return storyOf == null ? (int) (place >>> POSITION_BITS) & ((1 << STORY_BITS) - 1)
                : storyOf[(int) place & Integer.MAX_VALUE];
    }

    /** A grouped place's position in its story, in either layout. */
    private int position(long place, int story) {
        return storyOf == null ? (int) place & ((1 << POSITION_BITS) - 1)
                : ((int) place & Integer.MAX_VALUE) - log.storyStarts()[story];
    }

    /**
     * One number; under 32 (one char, most of them) written here, not by a call, which showed under the
     * launcher's C1 compiler.
     */
    private static int number(byte[] code, int at, long value) {
        if (value < 32) {
            code[at] = NumberCode.BYTES[(int) value];
            return at + 1;
        }
        return NumberCode.write(code, at, value);
    }

    /**
     * A segment's postings: each unit's, by id, in one array ({@code unitOffsets} has one element more, the end),
     * and each pair's in another, with its {@link #key}.
     */
    record Encoded(byte[] unitCode, int[] unitOffsets, byte[] code, int[] offsets, long[] keys) {
    }
}
