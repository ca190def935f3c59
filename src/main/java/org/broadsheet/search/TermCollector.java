package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.broadsheet.archive.BodyReader;

/**
 * Collects one segment's terms and postings, story by story (newest first), for {@link SegmentWriter}. Units are
 * dense ints ({@link UnitTable}) and a pair is a long of its two units and whether a space lay between
 * ({@link PairPostings}), so the text is read span by span and no String is made per unit or per pair occurrence:
 * only once per distinct term, when the terms are sorted.
 */
final class TermCollector implements SearchText.UnitSink {
    private final UnitTable unitTable = new UnitTable();
    private final PostingBuffers units = new PostingBuffers(4096);
    private final PairPostings pairs;
    /** The field being read, normalised: one buffer for every story. */
    private final SearchText.Chars normalized = new SearchText.Chars(8192);
    /** The body's text before it is normalised. */
    private final SearchText.Chars bodyText = new SearchText.Chars(8192);
    /** The story being added: its number, its units so far, the last unit's id, where its title ends. */
    private int doc;
    private int position;
    private int previous;
    private int titleEnd;
    private int[] touchedUnits = new int[1024];
    private int touchedUnitCount;

    private final BodyReader bodies;

    TermCollector(BodyReader bodies, IndexScratch scratch) {
        this.bodies = bodies;
        pairs = new PairPostings(scratch);
    }

    /** Adds story number {@code doc} (one more than the last); returns how many units its title has. */
    int add(int doc, SearchDoc story) {
        this.doc = doc;
        position = 0;
        touchedUnitCount = 0;
        titleEnd = Integer.MAX_VALUE;
        scan(story.title());
        titleEnd = position;
        // Each field's first unit is BROKEN from the last one's: no phrase spans two fields.
        scan(story.kicker());
        scan(story.subtitle());
        scanBody(bodies.html(story.body()));
        for (int i = 0; i < touchedUnitCount; i++) {
            units.write(touchedUnits[i]);
        }
        pairs.endStory(position);
        return titleEnd;
    }

    private void scan(String field) {
        SearchText.normalize(field, normalized);
        SearchText.scan(normalized.array(), normalized.length(), this);
    }

    /** As {@link #scan}, for the text of a rendered body, which is read into a buffer of its own first. */
    private void scanBody(String html) {
        HtmlText.into(html, bodyText);
        SearchText.normalize(bodyText.array(), bodyText.length(), normalized);
        SearchText.scan(normalized.array(), normalized.length(), this);
    }

    @Override
    public void unit(char[] text, int start, int end, int gap) {
        int unit = unitTable.idOf(text, start, end);
        units.ensure(unit);
        if (units.touch(unit, doc)) {
            if (touchedUnitCount == touchedUnits.length) {
                touchedUnits = Arrays.copyOf(touchedUnits, touchedUnitCount * 2);
            }
            touchedUnits[touchedUnitCount++] = unit;
        }
        if (position < titleEnd) {
            units.markInTitle(unit);
        }
        if (position > 0 && gap == SearchText.BROKEN) {
            pairs.placeNone(position - 1);
        } else if (position > 0) {
            pairs.place(position - 1, previous, unit, gap == SearchText.SPACED);
        }
        previous = unit;
        position++;
    }

    /** Every term with its postings, in term order (String's, as the reader and the client compare). */
    List<TermEntry> entries() {
        PairPostings.Encoded encoded = pairs.encode(units.size());
        long[] keys = encoded.keys();
        List<TermEntry> entries = new ArrayList<>(units.size() + keys.length);
        for (int unit = 0; unit < units.size(); unit++) {
            entries.add(units.entry(unit, unitTable.text(unit)));
        }
        for (int pair = 0; pair < keys.length; pair++) {
            entries.add(pairEntry(keys[pair], encoded, pair));
        }
        return TermOrder.sorted(entries, units.size(), keys);
    }

    /**
     * A loop's body as a method of its own, here and in the loops over a segment's terms: the interpreter runs a
     * loop of tens of thousands of turns (fewer than C1 waits for before compiling it) through a build's first
     * segments, but a method called that often is compiled after a few hundred calls.
     */
    private TermEntry pairEntry(long key, PairPostings.Encoded encoded, int pair) {
        String first = unitTable.text((int) (key >>> 32));
        String second = unitTable.text((int) key >>> 1);
        int[] offsets = encoded.offsets();
        return new TermEntry((key & 1) == 1 ? first + " " + second : first + second, encoded.code(), offsets[pair],
                offsets[pair + 1] - offsets[pair]);
    }
}
