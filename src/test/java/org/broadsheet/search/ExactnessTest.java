package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.archive.BodyReader;
import org.junit.jupiter.api.Test;

/**
 * Every query against a scan of the texts: 500 Han strings of 2–8 characters cut from the stories and 50 that
 * occur nowhere, over stories written from a small alphabet so that a query's pairs often all occur in a story
 * that lacks the query itself. Recall and precision must both be 100%, in one segment and in eight, where after
 * the newest the term directory decides which segments are read.
 */
class ExactnessTest {
    @Test
    void theIndexFindsExactlyTheStoriesHoldingTheQuery() {
        Random random = new Random(14);
        List<SearchDoc> docs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            SearchDoc doc = SegmentIndexTest.doc(CorpusText.paragraph(random, 8), CorpusText.paragraph(random, 200),
                    LocalDate.of(2025, 12, 12), -1);
            docs.add(doc);
            String body = HtmlText.of(BodyReader.IN_MEMORY.html(doc.body()));
            texts.add(SearchText.normalize(doc.title()) + "\u0003" + SearchText.normalize(body));
        }
        IndexReader reader = SegmentIndexTest.index(docs, 24);
        // The same stories as eight quarters of 250, the newest first; their term directory in 4 files.
        Map<String, List<SearchDoc>> quarters = new LinkedHashMap<>();
        for (int k = 0; k < 8; k++) {
            quarters.put((2025 - k / 4) + "-" + (4 - k % 4), docs.subList(k * 250, (k + 1) * 250));
        }
        Map<String, String> files = SegmentIndexTest.indexFiles(quarters, 3, 4);
        List<String> ids = List.copyOf(quarters.keySet());
        int segmentsRead = 0;
        int segmentsHolding = 0;
        List<String> queries = new ArrayList<>();
        while (queries.size() < 500) {
            String text = texts.get(random.nextInt(texts.size()));
            int length = 2 + random.nextInt(7);
            int start = random.nextInt(text.length() - length);
            String query = text.substring(start, start + length);
            if (query.chars().allMatch(c -> CorpusText.CHARS.indexOf(c) >= 0)) {
                queries.add(query);
            }
        }
        int absent = 0;
        while (absent < 50) {
            String query = CorpusText.paragraph(random, 5).replaceAll("[^" + CorpusText.CHARS + "]", "");
            if (query.length() >= 4 && texts.stream().noneMatch(t -> t.contains(query))) {
                queries.add(query);
                absent++;
            }
        }
        int falseHitsOfPairs = 0;
        for (String query : queries) {
            Set<Integer> expected = new TreeSet<>();
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).contains(query)) {
                    expected.add(i);
                }
            }
            Set<Integer> found = new TreeSet<>(SegmentIndexTest.found(reader, query));
            assertThat(found).as(query).isEqualTo(expected);
            IndexReader split = SegmentIndexTest.reader(files);
            Set<Integer> foundInQuarters = new TreeSet<>();
            split.search(Query.parse(query), Integer.MAX_VALUE)
                    .forEach(hit -> foundInQuarters.add(ids.indexOf(hit.segment()) * 250 + hit.doc()));
            assertThat(foundInQuarters).as(query).isEqualTo(expected);
            segmentsRead += (int) split.filesRead().stream().filter(path -> path.endsWith("/meta.json")).count();
            segmentsHolding += (int) expected.stream().map(doc -> doc / 250).distinct().count();
            falseHitsOfPairs += pairsOnly(texts, query) - expected.size();
        }
        // The test means something only if pairs alone would have found stories that lack the query.
        assertThat(falseHitsOfPairs).isGreaterThan(100);
        // From so small an alphabet every pair is in every quarter, so the directory rules none out here (see
        // TermDirectoryTest for one that does); what counts is that no quarter holding a match went unread.
        assertThat(segmentsRead).isGreaterThanOrEqualTo(segmentsHolding);
    }

    /** How many stories hold every pair of the query, wherever. */
    private static int pairsOnly(List<String> texts, String query) {
        int count = 0;
        for (String text : texts) {
            boolean all = true;
            for (int i = 0; i + 2 <= query.length() && all; i++) {
                all = text.contains(query.substring(i, i + 2));
            }
            count += all ? 1 : 0;
        }
        return count;
    }
}
