package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one segment's terms and postings, story by story (newest first), for {@link SegmentWriter}. Units are
 * dense ints ({@link UnitTable}) and a pair is a long of its two units and whether a space lay between, so the
 * text is read span by span and no String is made per unit or per pair occurrence: only once per distinct term,
 * when the terms are sorted. Postings are written as each story ends ({@link PostingBuffers}).
 */
final class TermCollector implements SearchText.UnitSink {
    private final UnitTable unitTable = new UnitTable();
    private final PostingBuffers units = new PostingBuffers(4096);
    private final LongIntMap pairKeys;
    private final PostingBuffers pairs;
    /** The story being added: its number, its units so far, the last unit's id, where its title ends. */
    private int doc;
    private int position;
    private int previous;
    private int titleEnd;
    /** Per position of the story, the next position of the same pair (see {@link PostingBuffers#addPosition}). */
    private int[] next = new int[4096];
    private int[] touchedUnits = new int[1024];
    private int touchedUnitCount;
    private int[] touchedPairs = new int[2048];
    private int touchedPairCount;

    TermCollector(int expectedPairs) {
        pairKeys = new LongIntMap(expectedPairs);
        pairs = new PostingBuffers(expectedPairs);
    }

    /** Adds story number {@code doc} (one more than the last); returns how many units its title has. */
    int add(int doc, SearchDoc story) {
        this.doc = doc;
        position = 0;
        touchedUnitCount = 0;
        touchedPairCount = 0;
        titleEnd = Integer.MAX_VALUE;
        SearchText.scan(SearchText.normalize(story.title()), this);
        titleEnd = position;
        // Each field's first unit is BROKEN from the last one's: no phrase spans two fields.
        SearchText.scan(SearchText.normalize(story.kicker()), this);
        SearchText.scan(SearchText.normalize(story.subtitle()), this);
        SearchText.scan(SearchText.normalize(HtmlText.of(story.body().html())), this);
        for (int i = 0; i < touchedUnitCount; i++) {
            units.writeUnit(touchedUnits[i]);
        }
        for (int i = 0; i < touchedPairCount; i++) {
            pairs.writePair(touchedPairs[i], next);
        }
        return titleEnd;
    }

    @Override
    public void unit(String text, int start, int end, int gap) {
        int unit = unitTable.idOf(text, start, end);
        units.ensure(unit);
        if (units.touch(unit, doc)) {
            touchedUnits = push(touchedUnits, touchedUnitCount++, unit);
        }
        if (position < titleEnd) {
            units.markInTitle(unit);
        }
        if (gap != SearchText.BROKEN) {
            long key = ((long) previous << 32) | ((long) unit << 1) | (gap == SearchText.SPACED ? 1 : 0);
            int pair = pairKeys.idOf(key);
            pairs.ensure(pair);
            if (pairs.touch(pair, doc)) {
                touchedPairs = push(touchedPairs, touchedPairCount++, pair);
            }
            if (position - 1 >= next.length) {
                next = Arrays.copyOf(next, next.length * 2);
            }
            pairs.addPosition(pair, position - 1, next);
        }
        previous = unit;
        position++;
    }

    /** Every term with its postings, in term order (String's, as the reader and the client compare). */
    List<TermEntry> entries() {
        List<TermEntry> entries = new ArrayList<>(units.size() + pairs.size());
        for (int unit = 0; unit < units.size(); unit++) {
            entries.add(units.entry(unit, unitTable.text(unit)));
        }
        long[] keys = pairKeys.keysById();
        for (int pair = 0; pair < keys.length; pair++) {
            String first = unitTable.text((int) (keys[pair] >>> 32));
            String second = unitTable.text((int) keys[pair] >>> 1);
            entries.add(pairs.entry(pair, (keys[pair] & 1) == 1 ? first + " " + second : first + second));
        }
        entries.sort((a, b) -> a.term().compareTo(b.term()));
        return entries;
    }

    private static int[] push(int[] array, int index, int value) {
        int[] out = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        out[index] = value;
        return out;
    }
}
