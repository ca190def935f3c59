package org.broadsheet.search;

import java.util.Arrays;

/**
 * A segment's places as its stories are read: every unit of every story, one after another, as its id and what
 * lay before it ({@link SearchText#JOINED}, {@link SearchText#SPACED} or {@link SearchText#BROKEN}), with how many
 * places each unit has and where each story and its title end. Nothing is looked up or grouped while the text is
 * read: a place costs a store and a count, and {@link SegmentPostings} makes every term's postings from the log
 * once the segment is read. The log is the {@link IndexScratch}'s, so it grows by copies only in a build's first
 * segments.
 */
final class PlaceLog {
    private final IndexScratch scratch;
    /** How many stories the segment has: the log grows at once to what they will need, as far as it can tell. */
    private final int expectedStories;
    /**
     * Per place: its unit's id shifted left by two, or'ed with the gap before it. An int, so that the log is read
     * and written at half the memory traffic: ids stay below 2^29 ({@link UnitTable#MAX_UNITS}).
     */
    private int[] places;
    private int size;
    /** Per unit id + 1: how many places hold that unit (a counting sort's counts, summed when grouping). */
    private int[] counts = new int[1024];
    /** Where each story's places begin; the last element is where the next story would begin. */
    private int[] storyStart = new int[] {0, 0};
    /** Per story: how many of its places are its title's. */
    private int[] titleEnds = new int[16];
    private int stories;

    PlaceLog(IndexScratch scratch, int expectedStories) {
        this.scratch = scratch;
        this.expectedStories = expectedStories;
        places = scratch.log;
    }

    /** Adds a place of the story being read: {@code unit}, after {@code gap}. */
    void add(int unit, int gap) {
        room(1, unit);
        places[size++] = unit << 2 | gap;
        counts[unit + 1]++;
    }

    /**
     * Adds the run of ideographs of the unified block (up to {@link SearchText#LAST_COMMON_IDEOGRAPH}) that starts
     * at {@code from} in {@code text}, the first after {@code gap} and each later one joined to the one before;
     * returns where the run ends. Han text is nearly all such runs, which NFKC leaves as they are and which cut into
     * one unit a char: here they need neither normalising nor cutting, and no call per char.
     */
    int addIdeographs(char[] text, int from, int end, int gap, UnitTable units) {
        // Room for the rest of the text and for every id a run could add (no more than the block has ideographs),
        // so that the loop checks neither.
        room(end - from, units.size() + Math.min(end - from, SearchText.LAST_COMMON_IDEOGRAPH - '\u4e00' + 1));
        int[] log = places;
        int[] count = counts;
        int at = size;
        int before = gap;
        int i = from;
        char c;
        while (i < end && SearchText.isCommonIdeograph(c = text[i])) {
            int unit = units.idOf(c);
            log[at++] = unit << 2 | before;
            count[unit + 1]++;
            before = SearchText.JOINED;
            i++;
        }
        size = at;
        return i;
    }

    private void room(int more, int unit) {
        if (size + more > places.length) {
            grow(size + more);
        }
        if (unit + 1 >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(counts.length * 2, unit + 2));
        }
    }

    /**
     * Makes room for {@code needed} places, and for the segment's other stories if they are like those read so
     * far (and an eighth more): doubling from a small log copied tens of MB in each thread's first segment.
     */
    private void grow(int needed) {
        long projected = stories == 0 ? 0 : (long) needed * expectedStories / stories * 9 / 8;
        int length = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(projected, 2L * places.length));
        places = Arrays.copyOf(places, Math.max(1 << 16, Math.max(needed, length)));
    }

    /** How many places the story being read has so far. */
    int position() {
        return size - storyStart[stories];
    }

    /** Ends the story being read, whose first {@code titlePlaces} places are its title's. */
    void endStory(int titlePlaces) {
        if (stories + 3 > storyStart.length) {
            storyStart = Arrays.copyOf(storyStart, storyStart.length * 2);
        }
        if (stories == titleEnds.length) {
            titleEnds = Arrays.copyOf(titleEnds, stories * 2);
        }
        titleEnds[stories] = titlePlaces;
        storyStart[stories + 1] = size;
        stories++;
        storyStart[stories + 1] = size;
    }

    /** Gives the log back to the scratch, for {@link SegmentPostings} to group and for the next segment. */
    int[] release() {
        scratch.log = places;
        return places;
    }

    int size() {
        return size;
    }

    int[] counts() {
        return counts;
    }

    int[] storyStarts() {
        return storyStart;
    }

    int[] titleEnds() {
        return titleEnds;
    }

    int stories() {
        return stories;
    }
}
