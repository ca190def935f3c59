package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.archive.Body;
import org.junit.jupiter.api.Test;

/** The index written for a segment, read back: phrases by adjacency, whole ASCII tokens, title matches first. */
class SegmentIndexTest {
    static SearchDoc doc(String title, String body, LocalDate date, int bureau) {
        return new SearchDoc(title, "", "", Body.of("<p>" + body + "</p>"), date, "2025/01/01/01/x.html", "第01版 要闻",
                bureau);
    }

    /** A one-segment index of {@code docs} (newest first), as files by path. */
    static IndexReader index(List<SearchDoc> docs, int shards) {
        Map<String, List<SearchDoc>> one = new LinkedHashMap<>();
        one.put("2025-4", docs);
        return index(one, shards, TermDirectory.fileCount(docs.size()));
    }

    /**
     * An index of {@code segments} (by id, newest first; each newest first) with its term directory in
     * {@code termFiles} files, as files by path.
     */
    static IndexReader index(Map<String, List<SearchDoc>> segments, int shards, int termFiles) {
        return reader(indexFiles(segments, shards, termFiles));
    }

    static IndexReader reader(Map<String, String> byPath) {
        return new IndexReader(path -> {
            assertThat(byPath).containsKey(path);
            return byPath.get(path);
        });
    }

    static Map<String, String> indexFiles(Map<String, List<SearchDoc>> segments, int shards, int termFiles) {
        Map<String, String> byPath = new HashMap<>();
        List<Manifest.Segment> listed = new ArrayList<>();
        List<Integer> ordinals = segments.keySet().stream().map(TermDirectory::ordinal).toList();
        TermDirectory directory = new TermDirectory(Collections.min(ordinals), Collections.max(ordinals));
        segments.forEach((id, docs) -> {
            SegmentFiles files = SegmentWriter.write(docs, shards, SearchLayout.CHUNK);
            byPath.put(SearchLayout.meta(id), files.meta());
            List<String> shardTexts = SegmentBytesTest.shardTexts(files);
            for (int i = 0; i < shardTexts.size(); i++) {
                byPath.put(SearchLayout.shard(id, i), shardTexts.get(i));
            }
            for (int i = 0; i < files.chunks().size(); i++) {
                byPath.put(SearchLayout.chunk(id, i), files.chunks().get(i));
            }
            directory.add(TermDirectory.ordinal(id), files.terms());
            listed.add(new Manifest.Segment(id, docs.get(docs.size() - 1).date(), docs.get(0).date(), docs.size(),
                    files.shards().size(), files.chunks().size()));
        });
        List<String> terms = directory.write(termFiles);
        for (int i = 0; i < terms.size(); i++) {
            byPath.put(SearchLayout.terms(i), terms.get(i));
        }
        byPath.put(SearchLayout.MANIFEST, Manifest.write(List.of(new Manifest.Bureau("包头市", "baotou")), listed,
                termFiles));
        return byPath;
    }

    static List<Integer> found(IndexReader reader, String query) {
        return reader.search(Query.parse(query), Integer.MAX_VALUE).stream().map(IndexReader.Hit::doc).toList();
    }

    private static final LocalDate DAY = LocalDate.of(2025, 12, 12);

    @Test
    void aPhraseIsItsUnitsOneAfterAnotherNotJustItsPairs() {
        IndexReader reader = index(List.of(
                doc("鄂温克族自治旗", "鄂温克旗多次开展尔多活动，多斯不在其中。", DAY, -1),
                doc("鄂尔多斯市", "鄂尔多斯市法院。", DAY, 0),
                doc("其他", "鄂尔，多斯。鄂尔 多斯", DAY, 0)), 3);
        assertThat(found(reader, "鄂尔多斯")).containsExactly(1);
        assertThat(found(reader, "多次")).containsExactly(0);
        assertThat(found(reader, "多斯")).containsExactly(1, 0, 2); // title matches first, then in order
        assertThat(found(reader, "鄂")).containsExactly(0, 1, 2);
        assertThat(found(reader, "\"鄂尔 多斯\"")).containsExactly(2);
        assertThat(found(reader, "鄂尔 多斯")).containsExactly(1, 2);
    }

    @Test
    void asciiWordsAndNumbersMatchWholeTokens() {
        IndexReader reader = index(List.of(
                doc("PDF版下载", "增长8.82%，2025年。", DAY, -1),
                doc("PDFs", "增长8.8%，20256。", DAY, -1)), 1);
        assertThat(found(reader, "pdf")).containsExactly(0);
        assertThat(found(reader, "ＰＤＦ")).containsExactly(0);
        assertThat(found(reader, "8.82")).containsExactly(0);
        assertThat(found(reader, "8.8")).containsExactly(1);
        assertThat(found(reader, "2025年")).containsExactly(0);
        assertThat(found(reader, "２０２５")).containsExactly(0);
    }

    @Test
    void everyTermMustMatchAndFieldsDoNotRunTogether() {
        IndexReader reader = index(List.of(
                new SearchDoc("交叉执行", "社区", "矫正", Body.of("<p>张某</p>"), DAY, "a.html", "A01", -1),
                doc("社区矫正", "李某", DAY, -1)), 1);
        assertThat(found(reader, "交叉执行 张某")).containsExactly(0);
        assertThat(found(reader, "社区矫正")).containsExactly(1);
        assertThat(found(reader, "执行社区")).isEmpty();
        assertThat(found(reader, "矫正张某")).isEmpty();
    }

    @Test
    void resultsCarryTheirDisplayData() {
        IndexReader reader = index(List.of(
                doc("新", "法院", DAY, 0),
                doc("旧", "法院", DAY.minusDays(40), -1)), 1);
        List<IndexReader.Hit> hits = reader.search(Query.parse("法院"), 10);
        assertThat(hits).extracting(IndexReader.Hit::date).containsExactly(DAY, DAY.minusDays(40));
        assertThat(hits).extracting(IndexReader.Hit::bureau).containsExactly(0, -1);
        assertThat(reader.display(hits.get(1))).isEqualTo(new IndexReader.Display("旧", "2025/01/01/01/x.html",
                "第01版 要闻"));
    }

    @Test
    void shardsAreCutToAboutEqualSizeInTermOrderAndTheMetaNamesTheirFirstTerms() {
        List<SearchDoc> docs = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            docs.add(doc("标题" + i, CorpusText.paragraph(random, 400), DAY, -1));
        }
        SegmentFiles files = SegmentWriter.write(docs, 8, 100);
        assertThat(files.shards()).hasSize(8);
        assertThat(files.chunks()).hasSize(3);
        List<String> shards = SegmentBytesTest.shardTexts(files);
        List<Integer> sizes = shards.stream().map(s -> Gzip.size(s)).toList();
        int max = sizes.stream().max(Integer::compare).orElseThrow();
        int min = sizes.stream().min(Integer::compare).orElseThrow();
        assertThat(min).as("sizes " + sizes).isGreaterThan(max / 2);
        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) ((Map<String, Object>) MiniJson.parse(files.meta())).get("shards");
        assertThat(first).hasSize(8).isSorted().startsWith("");
        for (int i = 1; i < 8; i++) {
            @SuppressWarnings("unchecked")
            List<String> terms = (List<String>) ((Map<String, Object>) MiniJson.parse(shards.get(i))).get("t");
            assertThat(terms.get(0)).isEqualTo(first.get(i));
        }
        // More shards than terms: the empty ones at the end sort after every term.
        SegmentFiles tiny = SegmentWriter.write(List.of(doc("法", "", DAY, -1)), 4, 100);
        assertThat(tiny.meta()).contains("\"shards\":[\"\",\"\uffff\",\"\uffff\",\"\uffff\"]");
    }

    @Test
    void theSameStoriesGiveTheSameBytes() {
        List<SearchDoc> docs = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 50; i++) {
            docs.add(doc("标题" + i, CorpusText.paragraph(random, 300), DAY.minusDays(i), i % 3 - 1));
        }
        SegmentFiles once = SegmentWriter.write(docs, 3, 20);
        SegmentFiles again = SegmentWriter.write(List.copyOf(docs), 3, 20);
        assertThat(List.of(again.meta(), SegmentBytesTest.shardTexts(again), again.chunks(), again.terms()))
                .isEqualTo(List.of(once.meta(), SegmentBytesTest.shardTexts(once), once.chunks(), once.terms()));
    }
}
