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
 * A pair's postings, grouped by first and then second unit, against a plain statement of the format: per story
 * that holds the pair, the gap to its previous story, the number of positions less one, and the positions' gaps
 * less one. Both layouts of a grouped place (story and position, or the place in the log) must give the same.
 */
class PairPostingsTest {
    private record Place(int story, int position) {
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyPairsPostingsAreItsPlacesInOrder(boolean compact) {
        Random random = new Random(compact ? 3 : 4);
        for (int round = 0; round < 20; round++) {
            int units = 1 + random.nextInt(round < 10 ? 40 : 3_000);
            PairPostings pairs = new PairPostings(new IndexScratch.Pool().take(), compact);
            Map<Long, List<Place>> expected = new LinkedHashMap<>();
            int stories = random.nextInt(200);
            for (int story = 0; story < stories; story++) {
                int places = random.nextInt(random.nextInt(10) == 0 ? 2_000 : 60);
                int previous = -1;
                for (int position = 0; position < places; position++) {
                    // Skewed towards small ids, as text is towards its common chars.
                    int unit = Math.min(units - 1, (int) Math.abs(random.nextGaussian() * units / 4));
                    int gap = random.nextInt(10) == 0 ? SearchText.BROKEN
                            : random.nextInt(10) == 0 ? SearchText.SPACED : SearchText.JOINED;
                    if (position > 0 && gap == SearchText.BROKEN) {
                        pairs.placeNone(position - 1);
                    } else if (position > 0) {
                        boolean spaced = gap == SearchText.SPACED;
                        pairs.place(position - 1, previous, unit, spaced);
                        expected.computeIfAbsent(PairPostings.key(previous, unit, spaced), k -> new ArrayList<>())
                                .add(new Place(story, position - 1));
                    }
                    previous = unit;
                }
                pairs.endStory(places);
            }
            PairPostings.Encoded encoded = pairs.encode(units);

            Map<Long, String> written = new TreeMap<>();
            for (int pair = 0; pair < encoded.keys().length; pair++) {
                written.put(encoded.keys()[pair], new String(encoded.code(), encoded.offsets()[pair],
                        encoded.offsets()[pair + 1] - encoded.offsets()[pair], StandardCharsets.US_ASCII));
            }
            Map<Long, String> wanted = new TreeMap<>();
            expected.forEach((key, places) -> wanted.put(key, postings(places)));
            assertThat(written).as("round %d", round).isEqualTo(wanted);
        }
    }

    /** The format, written plainly. */
    private static String postings(List<Place> places) {
        StringBuilder out = new StringBuilder();
        int lastStory = -1;
        int i = 0;
        while (i < places.size()) {
            int story = places.get(i).story();
            int end = i;
            while (end < places.size() && places.get(end).story() == story) {
                end++;
            }
            NumberCode.append(out, story - lastStory - 1);
            NumberCode.append(out, end - i - 1);
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
}
