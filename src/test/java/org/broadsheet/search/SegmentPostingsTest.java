package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The postings made from a log of places, against a plain statement of the format. A unit's: per story that holds
 * it, the gap to its previous story, doubled, plus one when it is in the story's title. A pair's: per story that
 * holds it, the gap, doubled, plus one when it has several positions and then their number less two, and the
 * positions' gaps less one. Both layouts of a grouped place (story and position, or the place in the log) must give
 * the same.
 */
class SegmentPostingsTest {
    private record Place(int story, int position) {
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyTermsPostingsAreItsPlacesInOrder(boolean compact) {
        Random random = new Random(compact ? 3 : 4);
        for (int round = 0; round < 20; round++) {
            int units = 1 + random.nextInt(round < 10 ? 40 : 3_000);
            int stories = random.nextInt(200);
            // Told of more stories than come, or fewer, as a segment's first stories may mislead its estimate.
            PlaceLog log = new PlaceLog(new IndexScratch.Pool().take(), random.nextInt(2 * stories + 1));
            UnitTable table = new UnitTable(); // unit i is the ideograph U+4E00 + i
            for (int unit = 0; unit < units; unit++) {
                table.idOf((char) ('\u4e00' + unit));
            }
            Map<Long, List<Place>> pairs = new LinkedHashMap<>();
            Map<Integer, List<Place>> unitPlaces = new TreeMap<>();
            List<Integer> titleEnds = new ArrayList<>();
            int seen = 0; // ids are given in order of first appearance, as UnitTable gives them
            for (int story = 0; story < stories; story++) {
                int places = random.nextInt(random.nextInt(10) == 0 ? 2_000 : 60);
                int titleEnd = random.nextInt(places + 1);
                int previous = -1;
                for (int position = 0; position < places; position++) {
                    // Skewed towards small ids, as text is towards its common chars.
                    int unit = Math.min(units - 1, (int) Math.abs(random.nextGaussian() * units / 4));
                    unit = Math.min(unit, seen);
                    seen = Math.max(seen, unit + 1);
                    int gap = position == 0 || random.nextInt(10) == 0 ? SearchText.BROKEN
                            : random.nextInt(10) == 0 ? SearchText.SPACED : SearchText.JOINED;
                    if (random.nextInt(4) == 0) {
                        log.add(unit, gap);
                    } else {
                        // The same place as one of a run of ideographs, as the indexer logs most of them.
                        logIdeograph(log, table, unit, gap);
                    }
                    unitPlaces.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Place(story, position));
                    if (gap != SearchText.BROKEN) {
                        boolean spaced = gap == SearchText.SPACED;
                        pairs.computeIfAbsent(SegmentPostings.key(previous, unit, spaced), k -> new ArrayList<>())
                                .add(new Place(story, position - 1));
                    }
                    previous = unit;
                }
                log.endStory(titleEnd);
                titleEnds.add(titleEnd);
            }
            SegmentPostings.Encoded encoded = SegmentPostings.encode(log, seen, new IndexScratch.Pool().take(),
                    compact);

            Map<Long, String> written = new TreeMap<>();
            for (int pair = 0; pair < encoded.keys().length; pair++) {
                written.put(encoded.keys()[pair], text(encoded.code(), encoded.offsets(), pair));
            }
            Map<Long, String> wanted = new TreeMap<>();
            pairs.forEach((key, places) -> wanted.put(key, pairPostings(places)));
            assertThat(written).as("round %d: pairs", round).isEqualTo(wanted);

            Map<Integer, String> writtenUnits = new TreeMap<>();
            for (int unit = 0; unit < seen; unit++) {
                writtenUnits.put(unit, text(encoded.unitCode(), encoded.unitOffsets(), unit));
            }
            Map<Integer, String> wantedUnits = new TreeMap<>();
            unitPlaces.forEach((unit, places) -> wantedUnits.put(unit, unitPostings(places, titleEnds)));
            assertThat(writtenUnits).as("round %d: units", round).isEqualTo(wantedUnits);
        }
    }

    /** Logs {@code unit} as {@code PlaceLog.addIdeographs} would log the ideograph that is its text. */
    private static void logIdeograph(PlaceLog log, UnitTable table, int unit, int gap) {
        char[] text = {(char) ('\u4e00' + unit), 'x'};
        assertThat(log.addIdeographs(text, 0, 2, gap, table)).isEqualTo(1);
    }

    private static String text(byte[] code, int[] offsets, int index) {
        return new String(code, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.US_ASCII);
    }

    /** A pair's postings, written plainly. */
    private static String pairPostings(List<Place> places) {
        StringBuilder out = new StringBuilder();
        int lastStory = -1;
        int i = 0;
        while (i < places.size()) {
            int story = places.get(i).story();
            int end = i;
            while (end < places.size() && places.get(end).story() == story) {
                end++;
            }
            if (end - i == 1) {
                NumberCode.append(out, (story - lastStory - 1) * 2L);
            } else {
                NumberCode.append(out, (story - lastStory - 1) * 2L + 1);
                NumberCode.append(out, end - i - 2);
            }
            int previous = -1;
            for (int k = i; k < end; k++) {
                NumberCode.append(out, places.get(k).position() - previous - 1);
                previous = places.get(k).position();
            }
            lastStory = story;
            i = end;
        }
        return out.toString();
    }

    /** A unit's postings, written plainly. */
    private static String unitPostings(List<Place> places, List<Integer> titleEnds) {
        StringBuilder out = new StringBuilder();
        int lastStory = -1;
        for (Place place : places) {
            if (place.story() != lastStory) {
                boolean inTitle = places.stream()
                        .anyMatch(p -> p.story() == place.story() && p.position() < titleEnds.get(p.story()));
                NumberCode.append(out, (place.story() - lastStory - 1) * 2L + (inTitle ? 1 : 0));
                lastStory = place.story();
            }
        }
        return out.toString();
    }
}
