package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a segment's terms in String's order (as the reader and the client compare them) without comparing Strings
 * many times over. A pair term is its two units, with a space between when only white space lay between them, so
 * with the units ranked by their text, a pair is placed by its first unit's rank, then a unit before its spaced
 * pairs before its joined ones (a unit is a prefix of its pairs, and a space sorts before every char a unit can
 * begin with), then by its second unit's rank. Those numbers are sorted as longs, and a final sort by the terms
 * themselves makes the order exact: it costs one comparison per term when the order is right already (a Han
 * segment, whose units are single chars), and sets right what longer units (ASCII words, numbers) put out of
 * place. Sorting by String alone takes n log n comparisons, each a loop under the launcher's C1 compiler, and a
 * quarter of a wide vocabulary holds a million pairs.
 */
final class TermOrder {
    private static final Comparator<TermEntry> BY_TERM = (a, b) -> a.term().compareTo(b.term());

    private TermOrder() {
    }

    /**
     * {@code entries} in term order: the units' entries first, by unit id, then the pairs', whose keys
     * ({@link SegmentPostings#key}s) are {@code pairKeys}.
     */
    static List<TermEntry> sorted(List<TermEntry> entries, int unitCount, long[] pairKeys) {
        List<TermEntry> sorted = byUnitRanks(entries, unitCount, pairKeys);
        sorted.sort(BY_TERM);
        return sorted;
    }

    /**
     * {@code entries} by their units' ranks: String's order when every unit is one char, nearly so otherwise. As
     * they are when the archive is too large for the numbers to fit in a long (more than a million units).
     */
    static List<TermEntry> byUnitRanks(List<TermEntry> entries, int unitCount, long[] pairKeys) {
        int count = entries.size();
        int rankBits = bits(unitCount);
        int indexBits = bits(count);
        if (2 * rankBits + 2 + indexBits > 63) {
            return new ArrayList<>(entries);
        }
        int[] rank = unitRanks(entries, unitCount);
        long[] keys = new long[count];
        int kindShift = rankBits + indexBits;
        int firstShift = kindShift + 2;
        for (int unit = 0; unit < unitCount; unit++) {
            keys[unit] = (long) rank[unit] << firstShift | unit;
        }
        for (int pair = 0; pair < pairKeys.length; pair++) {
            keys[unitCount + pair] = pairKey(pairKeys[pair], rank, firstShift, kindShift, indexBits)
                    | (unitCount + pair);
        }
        Arrays.sort(keys);
        long indexMask = (1L << indexBits) - 1;
        TermEntry[] sorted = new TermEntry[count];
        for (int i = 0; i < count; i++) {
            sorted[i] = entry(entries, keys[i], indexMask);
        }
        return new ArrayList<>(Arrays.asList(sorted));
    }

    /** A pair's number without its index; a method so that C1 compiles it early (see TermCollector.pairEntry). */
    private static long pairKey(long key, int[] rank, int firstShift, int kindShift, int indexBits) {
        long kind = (key & 1) == 1 ? 1 : 2; // spaced, joined
        return (long) rank[(int) (key >>> 32)] << firstShift | kind << kindShift
                | (long) rank[(int) key >>> 1] << indexBits;
    }

    private static TermEntry entry(List<TermEntry> entries, long key, long indexMask) {
        return entries.get((int) (key & indexMask));
    }

    /** Each unit's place among the units in term order. */
    private static int[] unitRanks(List<TermEntry> entries, int unitCount) {
        Integer[] byTerm = new Integer[unitCount];
        for (int unit = 0; unit < unitCount; unit++) {
            byTerm[unit] = unit;
        }
        Arrays.sort(byTerm, (a, b) -> entries.get(a).term().compareTo(entries.get(b).term()));
        int[] rank = new int[unitCount];
        for (int place = 0; place < unitCount; place++) {
            rank[byTerm[place]] = place;
        }
        return rank;
    }

    /** Bits enough for the numbers 0 to {@code count} - 1. */
    private static int bits(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, count - 1)));
    }
}
