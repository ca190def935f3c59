package org.broadsheet.search;

import java.util.Arrays;

/**
 * The postings of a segment's pair terms. While stories are added, each unit's place in the segment (its stories
 * one after another) records only the id of the pair that starts there, or -1; when the segment is read, the
 * places are grouped by pair (a counting sort, which keeps them in order) and every pair's postings are written
 * one after another into one array. Writing each pair's entry as its story ended touched a handful of per-term
 * arrays and a buffer per term for every occurrence, and indexing spent most of its time waiting on memory. The
 * large arrays come from and go back to an {@link IndexScratch}, so that the log of a quarter's millions of
 * places grows by copies only in a build's first segments.
 */
final class PairPostings {
    /** The most bytes a number takes in {@link NumberCode}: 32 bits at five a char. */
    private static final int MAX_CODE = 7;
    private final IndexScratch scratch;
    private final LongIntMap keys;
    /** Per place in the segment: the pair starting there, or -1. */
    private int[] log;
    /** Where each story's places begin; the last element is where the next story would begin. */
    private int[] storyStart = new int[] {0, 0};
    private int stories;

    PairPostings(int expectedPairs, IndexScratch scratch) {
        this.scratch = scratch;
        keys = new LongIntMap(expectedPairs, scratch.pairSlots);
        log = scratch.log;
    }

    /** The pair of units {@code first} then {@code second}, {@code spaced} when white space lay between. */
    int idOf(int first, int second, boolean spaced) {
        return keys.idOf(((long) first << 32) | ((long) second << 1) | (spaced ? 1 : 0));
    }

    /** Records that place {@code position} of the story being added starts {@code pair} (-1: none). */
    void place(int position, int pair) {
        int at = storyStart[stories] + position;
        if (at >= log.length) {
            log = Arrays.copyOf(log, Math.max(1 << 16, log.length * 2));
        }
        log[at] = pair;
    }

    /** Ends the story being added, which has {@code places} units (its last starts no pair). */
    void endStory(int places) {
        if (places > 0) {
            place(places - 1, -1);
        }
        if (stories + 3 > storyStart.length) {
            storyStart = Arrays.copyOf(storyStart, storyStart.length * 2);
        }
        storyStart[stories + 1] = storyStart[stories] + places;
        stories++;
        storyStart[stories + 1] = storyStart[stories];
    }

    /** Every pair's key (see {@link #idOf}), by id. */
    long[] keysById() {
        return keys.keysById();
    }

    /**
     * Every pair's postings, as {@link TermEntry#code()} arrays would hold them: one array for all, and per pair
     * id its offset (with one more element, the end). The last use of this object: its arrays go back to the
     * scratch, whose {@code codes} then hold the postings.
     */
    Encoded encode() {
        int pairs = keys.size();
        int[] log = this.log;
        // Each pair's slots: for each story that holds it, a mark (minus how many stories on from the last one it
        // was in), then its positions there. Counted first, then filled, reading the places in order both times.
        int[] start = new int[pairs + 1];
        int[] lastStory = new int[pairs];
        Arrays.fill(lastStory, -1);
        for (int story = 0; story < stories; story++) {
            for (int i = storyStart[story], end = storyStart[story + 1]; i < end; i++) {
                int pair = log[i];
                if (pair >= 0) {
                    start[pair + 1] += lastStory[pair] == story ? 1 : 2;
                    lastStory[pair] = story;
                }
            }
        }
        for (int pair = 0; pair < pairs; pair++) {
            start[pair + 1] += start[pair];
        }
        int[] slots = scratch.grouped(start[pairs]);
        int[] cursor = Arrays.copyOf(start, pairs);
        Arrays.fill(lastStory, -1);
        for (int story = 0; story < stories; story++) {
            int first = storyStart[story];
            for (int i = first, end = storyStart[story + 1]; i < end; i++) {
                int pair = log[i];
                if (pair >= 0) {
                    if (lastStory[pair] != story) {
                        slots[cursor[pair]++] = lastStory[pair] - story;
                        lastStory[pair] = story;
                    }
                    slots[cursor[pair]++] = i - first;
                }
            }
        }
        scratch.log = log;
        scratch.pairSlots = keys.table();
        this.log = null;
        // About three chars a place and a few a pair: sized so that it seldom grows by a copy.
        byte[] code = scratch.codes(start[pairs] * 3 + pairs * 4);
        int size = 0;
        int[] offsets = new int[pairs + 1];
        for (int pair = 0; pair < pairs; pair++) {
            offsets[pair] = size;
            // A slot gives at most two numbers (a mark: the story's gap and its count).
            int most = (start[pair + 1] - start[pair]) * 2 * MAX_CODE;
            if (size + most > code.length) {
                code = Arrays.copyOf(code, Math.max(code.length * 2, size + most));
            }
            size = writePair(code, size, slots, start[pair], start[pair + 1]);
        }
        offsets[pairs] = size;
        scratch.codes = code; // the segment's shards read it until its files are released
        return new Encoded(code, offsets);
    }

    /**
     * A pair's entry per story, written into {@code code} at {@code at}: the gap to its previous story, the number
     * of positions less one, their gaps. Returns where it ends.
     */
    private static int writePair(byte[] code, int at, int[] slots, int from, int to) {
        // Numbers under 32 (one char) are written here, not by a call: most of them are, and a call per number
        // showed under the launcher's C1 compiler.
        byte[] chars = NumberCode.BYTES;
        int i = from;
        while (i < to) {
            int storiesOn = -slots[i]; // a mark
            int end = i + 1;
            while (end < to && slots[end] >= 0) {
                end++;
            }
            int gap = storiesOn - 1;
            at = gap < 32 ? put(code, at, chars[gap]) : NumberCode.write(code, at, gap);
            int count = end - i - 2;
            at = count < 32 ? put(code, at, chars[count]) : NumberCode.write(code, at, count);
            int previous = -1;
            for (int k = i + 1; k < end; k++) {
                int step = slots[k] - previous - 1;
                at = step < 32 ? put(code, at, chars[step]) : NumberCode.write(code, at, step);
                previous = slots[k];
            }
            i = end;
        }
        return at;
    }

    private static int put(byte[] code, int at, byte c) {
        code[at] = c;
        return at + 1;
    }

    /** All pairs' postings in one array, pair by pair. */
    record Encoded(byte[] code, int[] offsets) {
    }
}
