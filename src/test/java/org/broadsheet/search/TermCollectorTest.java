package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.broadsheet.archive.Body;
import org.broadsheet.archive.BodyReader;
import org.junit.jupiter.api.Test;

/**
 * The collector cuts a field piece by piece: runs of ideographs and the marks between them as they stand, the rest
 * normalised on its own. Its terms and postings must be those of each whole field normalised and cut
 * ({@link SearchText#normalize}, {@link SearchText#units}), written plainly, on text mixing every kind of char that
 * NFKC or the cutting treats apart.
 */
class TermCollectorTest {
    /** Pieces of text; random fields are strings of them. */
    private static final String[] PIECES = {"鄂", "尔", "多", "斯", "包头讯", "法院", "\u9ffc", "\u9ffd", "\u3400",
        "\uf900", "\u2f00", "\u3005", "\u3007", "，", "。", "、", "“", "”", "《", "》", "—", "·", "：", "（", "）", "？",
        "！", "．", "Ａ", "ｂ", "２", "０", "\u3000", " ", "\n", ",", ".", "8", "82", "PDF", "e", "\u0301", "\u3099",
        "か", "한", "\ufb01", "\u2460", "\u3231", "\ud840\udc00", "\ud840", "\u0003", "\u00a0", "\u2014\u2014", "x"};

    @Test
    void termsAreThoseOfEachWholeFieldNormalisedAndCut() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<SearchDoc> docs = new ArrayList<>();
            List<List<SearchText.Unit>> storyUnits = new ArrayList<>();
            List<Integer> titleEnds = new ArrayList<>();
            for (int story = 0; story < 1 + random.nextInt(6); story++) {
                String title = text(random);
                String kicker = random.nextBoolean() ? text(random) : "";
                String body = text(random);
                docs.add(new SearchDoc(title, kicker, "", Body.of("<p>" + escaped(body) + "</p><p>" + escaped(
                        text(random)) + "</p>"), LocalDate.of(2025, 1, 1), "x.html", "第01版", -1));
                List<SearchText.Unit> units = new ArrayList<>(unitsOf(title));
                titleEnds.add(units.size());
                units.addAll(unitsOf(kicker));
                units.addAll(unitsOf(HtmlText.of(docs.get(story).body().token())));
                storyUnits.add(units);
            }
            TermCollector collector = new TermCollector(BodyReader.IN_MEMORY, new IndexScratch.Pool().take(),
                    docs.size());
            List<Integer> collectedTitles = new ArrayList<>();
            for (SearchDoc doc : docs) {
                collectedTitles.add(collector.add(doc));
            }
            Map<String, String> collected = new TreeMap<>();
            for (TermEntry entry : collector.entries()) {
                collected.put(entry.term(), new String(entry.code(), entry.offset(), entry.length(),
                        StandardCharsets.US_ASCII));
            }
            assertThat(collectedTitles).as("round %d: titles' units", round).isEqualTo(titleEnds);
            assertThat(collected).as("round %d: %s", round, docs).isEqualTo(plainly(storyUnits, titleEnds));
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            // Ideographs most often, as in Han text, so that runs of them form.
            text.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[random.nextInt(7)]);
        }
        return text.toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static List<SearchText.Unit> unitsOf(String field) {
        return SearchText.units(SearchText.normalize(field));
    }

    /** Every term's postings as the format states them, from each story's units. */
    private static Map<String, String> plainly(List<List<SearchText.Unit>> stories, List<Integer> titleEnds) {
        Map<String, List<int[]>> places = new TreeMap<>(); // per term: story and position
        for (int story = 0; story < stories.size(); story++) {
            List<SearchText.Unit> units = stories.get(story);
            for (int position = 0; position < units.size(); position++) {
                SearchText.Unit unit = units.get(position);
                places.computeIfAbsent(unit.text(), k -> new ArrayList<>()).add(new int[] {story, position});
                if (unit.gap() != SearchText.BROKEN) {
                    places.computeIfAbsent(SearchText.pair(units.get(position - 1), unit), k -> new ArrayList<>())
                            .add(new int[] {story, position - 1, 1});
                }
            }
        }
        Map<String, String> postings = new TreeMap<>();
        places.forEach((term, at) -> {
            StringBuilder out = new StringBuilder();
            int lastStory = -1;
            boolean pair = at.get(0).length == 3;
            for (int i = 0; i < at.size(); ) {
                int story = at.get(i)[0];
                int end = i;
                while (end < at.size() && at.get(end)[0] == story) {
                    end++;
                }
                if (pair && end - i == 1) {
                    NumberCode.append(out, (story - lastStory - 1) * 2L);
                } else if (pair) {
                    NumberCode.append(out, (story - lastStory - 1) * 2L + 1);
                    NumberCode.append(out, end - i - 2);
                }
                if (pair) {
                    int previous = -1;
                    for (int k = i; k < end; k++) {
                        NumberCode.append(out, at.get(k)[1] - previous - 1);
                        previous = at.get(k)[1];
                    }
                } else {
                    boolean inTitle = at.get(i)[1] < titleEnds.get(story);
                    NumberCode.append(out, (story - lastStory - 1) * 2L + (inTitle ? 1 : 0));
                }
                lastStory = story;
                i = end;
            }
            postings.put(term, out.toString());
        });
        return postings;
    }
}
