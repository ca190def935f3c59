package org.broadsheet.search;

import java.util.Arrays;

/**
 * The postings of a segment's pair terms. While stories are added, each unit's place in the segment (its stories
 * one after another) records only the id of the pair that starts there, or -1; when the segment is read, the
 * places are grouped by pair (a counting sort, which keeps them in order) and every pair's postings are written
 * one after another into one array. Writing each pair's entry as its story ended touched a handful of per-term
 * arrays and a buffer per term for every occurrence, and indexing spent most of its time waiting on memory. The
 * places are kept in blocks rather than one growing array: a quarter has millions, and copies of a growing array
 * were garbage large enough to send a large archive's build into full collections. The large arrays come from
 * and go back to an {@link IndexScratch}.
 */
final class PairPostings {
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private final IndexScratch scratch;
    private final LongIntMap keys;
    /** Per place in the segment: the pair starting there, or -1; place i is in block i >>> BLOCK_BITS. */
    private int[][] log;
    /** Where each story's places begin; the last element is where the next story would begin. */
    private int[] storyStart = new int[] {0, 0};
    private int stories;
    private int size;

    PairPostings(int expectedPairs, IndexScratch scratch) {
        this.scratch = scratch;
        keys = new LongIntMap(expectedPairs, scratch.pairSlots);
        log = scratch.logBlocks;
    }

    /** The pair of units {@code first} then {@code second}, {@code spaced} when white space lay between. */
    int idOf(int first, int second, boolean spaced) {
        return keys.idOf(((long) first << 32) | ((long) second << 1) | (spaced ? 1 : 0));
    }

    /** Records that place {@code position} of the story being added starts {@code pair} (-1: none). */
    void place(int position, int pair) {
        int at = storyStart[stories] + position;
        int block = at >>> BLOCK_BITS;
        if (block >= log.length) {
            log = Arrays.copyOf(log, log.length * 2);
        }
        if (log[block] == null) {
            log[block] = new int[BLOCK];
        }
        log[block][at & (BLOCK - 1)] = pair;
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
        size = storyStart[stories];
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
        // Each pair's slots: for each story that holds it, a mark (minus how many stories on from the last one it
        // was in), then its positions there. Counted first, then filled, reading the places in order both times.
        int[] start = new int[pairs + 1];
        int[] lastStory = new int[pairs];
        Arrays.fill(lastStory, -1);
        for (int story = 0; story < stories; story++) {
            for (int i = storyStart[story]; i < storyStart[story + 1]; i++) {
                int pair = log[i >>> BLOCK_BITS][i & (BLOCK - 1)];
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
            for (int i = first; i < storyStart[story + 1]; i++) {
                int pair = log[i >>> BLOCK_BITS][i & (BLOCK - 1)];
                if (pair >= 0) {
                    if (lastStory[pair] != story) {
                        slots[cursor[pair]++] = lastStory[pair] - story;
                        lastStory[pair] = story;
                    }
                    slots[cursor[pair]++] = i - first;
                }
            }
        }
        scratch.logBlocks = log;
        scratch.pairSlots = keys.table();
        log = null;
        // About three chars a place and a few a pair: sized so that it seldom grows by a copy.
        CodeBuffer out = new CodeBuffer(scratch.codes(start[pairs] * 3 + pairs * 4));
        int[] offsets = new int[pairs + 1];
        for (int pair = 0; pair < pairs; pair++) {
            offsets[pair] = out.size();
            writePair(out, slots, start[pair], start[pair + 1]);
        }
        offsets[pairs] = out.size();
        scratch.codes = out.array(); // the segment's shards read it until its files are released
        return new Encoded(out.array(), offsets);
    }

    /** A pair's entry per story: the gap to its previous story, the number of positions less one, their gaps. */
    private static void writePair(CodeBuffer out, int[] slots, int from, int to) {
        int i = from;
        while (i < to) {
            int storiesOn = -slots[i]; // a mark
            int end = i + 1;
            while (end < to && slots[end] >= 0) {
                end++;
            }
            out.append(storiesOn - 1);
            out.append(end - i - 2);
            int previous = -1;
            for (int k = i + 1; k < end; k++) {
                out.append(slots[k] - previous - 1);
                previous = slots[k];
            }
            i = end;
        }
    }

    /** All pairs' postings in one array, pair by pair. */
    record Encoded(byte[] code, int[] offsets) {
    }
}
