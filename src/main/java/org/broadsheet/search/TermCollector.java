package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.archive.BodyReader;

/**
 * Collects one segment's terms and postings, story by story (newest first), for {@link SegmentWriter}. Units are
 * dense ints ({@link UnitTable}) logged place by place ({@link PlaceLog}), and a pair is a long of its two units and
 * whether a space lay between ({@link SegmentPostings}), so the text is read span by span and no String is made
 * per unit or per pair occurrence: only once per distinct term, when the terms are sorted.
 */
final class TermCollector implements SearchText.UnitSink {
    private final UnitTable unitTable = new UnitTable();
    private final PlaceLog places;
    private final IndexScratch scratch;
    /** A stretch of a field that is not a run of ideographs, normalised: one buffer for every story. */
    private final SearchText.Chars normalized = new SearchText.Chars(256);
    /** The body's text before it is normalised, and each other field's. */
    private final SearchText.Chars text = new SearchText.Chars(8192);

    private final BodyReader bodies;

    /** A collector for a segment of {@code stories} stories. */
    TermCollector(BodyReader bodies, IndexScratch scratch, int stories) {
        this.bodies = bodies;
        this.scratch = scratch;
        places = new PlaceLog(scratch, stories);
    }

    /** Adds the segment's next story; returns how many units its title has. */
    int add(SearchDoc story) {
        scan(story.title());
        int titleEnd = places.position();
        // Each field's first unit is BROKEN from the last one's: no phrase spans two fields.
        scan(story.kicker());
        scan(story.subtitle());
        HtmlText.into(bodies.html(story.body()), text);
        cut(text.array(), text.length());
        places.endStory(titleEnd);
        return titleEnd;
    }

    private void scan(String field) {
        char[] chars = text.input(field.length());
        field.getChars(0, field.length(), chars, 0);
        cut(chars, field.length());
    }

    /**
     * Logs the units of the first {@code n} chars of a field, not yet normalised. Runs of ideographs and the marks
     * between them, most of a Han text, are logged as they stand; what lies between them (ASCII words, numbers,
     * other scripts, forms that NFKC changes) is normalised and cut on its own. The result is the whole field's
     * normalised and cut, since NFKC and the cutting both start afresh at an ideograph
     * ({@code TermCollectorTest} compares them).
     */
    private void cut(char[] chars, int n) {
        int gap = SearchText.BROKEN;
        int i = 0;
        while (i < n) {
            if (SearchText.isCommonIdeograph(chars[i])) {
                i = places.addIdeographs(chars, i, n, gap, unitTable);
                gap = SearchText.JOINED;
            } else if (SearchText.breaksAlone(chars, i, n)) {
                gap = SearchText.BROKEN;
                i++;
            } else {
                int end = i + 1;
                while (end < n && !SearchText.isCommonIdeograph(chars[end])) {
                    end++;
                }
                SearchText.normalize(chars, i, end, normalized);
                gap = SearchText.scan(normalized.array(), normalized.length(), gap, this);
                i = end;
            }
        }
    }

    @Override
    public void unit(char[] chars, int start, int end, int gap) {
        places.add(unitTable.idOf(chars, start, end), gap);
    }

    /** Every term with its postings, in term order (String's, as the reader and the client compare). */
    List<TermEntry> entries() {
        int units = unitTable.size();
        SegmentPostings.Encoded encoded = SegmentPostings.encode(places, units, scratch);
        long[] keys = encoded.keys();
        List<TermEntry> entries = new ArrayList<>(units + keys.length);
        int[] unitOffsets = encoded.unitOffsets();
        for (int unit = 0; unit < units; unit++) {
            entries.add(new TermEntry(unitTable.text(unit), encoded.unitCode(), unitOffsets[unit],
                    unitOffsets[unit + 1] - unitOffsets[unit]));
        }
        for (int pair = 0; pair < keys.length; pair++) {
            entries.add(pairEntry(keys[pair], encoded, pair));
        }
        return TermOrder.sorted(entries, units, keys);
    }

    /**
     * A loop's body as a method of its own, here and in the loops over a segment's terms: the interpreter runs a
     * loop of tens of thousands of turns (fewer than C1 waits for before compiling it) through a build's first
     * segments, but a method called that often is compiled after a few hundred calls.
     */
    private TermEntry pairEntry(long key, SegmentPostings.Encoded encoded, int pair) {
        String first = unitTable.text((int) (key >>> 32));
        String second = unitTable.text((int) key >>> 1);
        int[] offsets = encoded.offsets();
        return new TermEntry((key & 1) == 1 ? first + " " + second : first + second, encoded.code(), offsets[pair],
                offsets[pair + 1] - offsets[pair]);
    }
}
