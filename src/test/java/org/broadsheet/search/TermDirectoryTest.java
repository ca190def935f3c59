package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The term directory: its files written and read back, and a rare query reading only the segments it names. */
class TermDirectoryTest {
    @Test
    void aTermsQuartersAreWrittenAsRunsAndReadBack() {
        TermDirectory directory = new TermDirectory(TermDirectory.ordinal("2016-1"), TermDirectory.ordinal("2025-4"));
        List<String> all = new ArrayList<>();
        for (int year = 2016; year <= 2025; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                String id = year + "-" + quarter;
                all.add(id);
                directory.add(TermDirectory.ordinal(id), year == 2020 ? List.of("法院", "鄂尔") : List.of("法院"));
            }
        }
        directory.add(TermDirectory.ordinal("2016-1"), List.of("鄂尔", "pdf"));
        directory.add(TermDirectory.ordinal("2025-4"), List.of("pdf"));
        List<String> files = directory.write(1);
        assertThat(files).hasSize(1);
        // pdf: 2016-1 and 2025-4 (8103 - 8064 - 2 = 37 between); 法院: one run of forty quarters; 鄂尔: 2016-1,
        // then 2020's four.
        assertThat(files.get(0)).isEqualTo("{\"t\":[\"pdf\",\"法院\",\"鄂尔\"],\"s\":[\"" + code(8064, 0, 37, 0)
                + "\",\"" + code(8064, 39) + "\",\"" + code(8064, 0, 14, 3) + "\"]}\n");
        assertThat(TermDirectory.ordinals(TermDirectory.entry(json(files.get(0)), "鄂尔")))
                .containsExactly(8064, 8080, 8081, 8082, 8083);
        assertThat(TermDirectory.entry(json(files.get(0)), "鄂温")).isNull();
        assertThat(all.stream().map(TermDirectory::ordinal)).contains(8064, 8103);
    }

    @Test
    void entriesReadBackFromAFileAreKeptOnlyForTheSegmentsAsked() {
        TermDirectory before = new TermDirectory(8064, 8067);
        before.add(8064, List.of("甲乙", "乙丙"));
        before.add(8065, List.of("甲乙"));
        before.add(8067, List.of("丁"));
        // 8065 was indexed again and lost 甲乙; the others were not, so their entries come from the old files.
        TermDirectory after = new TermDirectory(8064, 8067);
        after.add(8065, List.of("戊"));
        for (String file : before.write(4)) {
            after.addFrom(file, ordinal -> ordinal != 8065);
        }
        TermDirectory fresh = new TermDirectory(8064, 8067);
        fresh.add(8067, List.of("丁"));
        fresh.add(8065, List.of("戊"));
        fresh.add(8064, List.of("乙丙", "甲乙"));
        assertThat(after.write(4)).isEqualTo(fresh.write(4));
    }

    /** Terms of every shape a segment lists: Han units and pairs, spaced pairs, words and numbers, chars beyond the BMP. */
    private static List<String> randomTerms(java.util.Random random, int count) {
        String[] pieces = {"法", "院", "鄂", "尔", "多", "斯", "〇", "𠀀", "﨎", "pdf", "pdfs", "a", "2025", "8.82", "v1.2",
            "abcdefghij", "é", "\"", "\\", "\u2028"};
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String first = pieces[random.nextInt(pieces.length)];
            terms.add(switch (random.nextInt(3)) {
                case 0 -> first;
                case 1 -> first + pieces[random.nextInt(pieces.length)];
                default -> first + " " + pieces[random.nextInt(pieces.length)];
            });
        }
        return terms;
    }

    @Test
    void theFilesHaveTheBytesTheyAlwaysHad() throws Exception {
        java.util.Random random = new java.util.Random(23);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (int round = 0; round < 40; round++) {
            int first = 8000 + random.nextInt(40);
            int last = first + random.nextInt(round % 4 == 0 ? 150 : 30);
            TermDirectory directory = new TermDirectory(first, last);
            for (int segment = first; segment <= last; segment++) {
                if (random.nextInt(4) > 0) {
                    directory.add(segment, randomTerms(random, random.nextInt(120)));
                }
            }
            TermDirectory again = new TermDirectory(first, last);
            again.add(last, randomTerms(random, 30));
            int files = 1 << random.nextInt(4);
            for (String file : directory.write(files)) {
                sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                again.addFrom(file, ordinal -> ordinal % 3 != 0);
            }
            for (String file : again.write(files)) {
                sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(java.util.HexFormat.of().formatHex(sha.digest()))
                .isEqualTo("0c343131cbc64339bf1c778198e342330982347cbcc094b11870066327e58129");
    }

    @Test
    void aTermsFileIsTheHashSearchJsComputes() {
        // Pinned against search.js's termFile(): FNV-1a over UTF-16 chars, unsigned, modulo the file count.
        assertThat(TermDirectory.fileOf("鄂尔", 128)).isEqualTo(3);
        assertThat(TermDirectory.fileOf("pdf", 128)).isEqualTo(21);
        assertThat(TermDirectory.fileOf("𠀀中", 128)).isEqualTo(96);
        assertThat(TermDirectory.fileOf("a b", 128)).isEqualTo(114);
        assertThat(TermDirectory.fileCount(10_000)).isEqualTo(16);
        assertThat(TermDirectory.fileCount(100_000)).isEqualTo(128);
        assertThat(TermDirectory.fileCount(3)).isEqualTo(1);
    }

    @Test
    void aRareQueryReadsTheNewestSegmentAndThenOnlyTheSegmentsHoldingAllItsTerms() {
        Map<String, List<SearchDoc>> segments = new LinkedHashMap<>();
        String[] ids = {"2025-4", "2025-3", "2025-2", "2025-1", "2024-4"};
        for (int k = 0; k < ids.length; k++) {
            List<SearchDoc> docs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = "人民法院审理案件" + (k == 3 && i == 7 ? "鄂尔多斯市" : "") + (k == 1 ? "鄂尔" : "")
                        + (k == 4 ? "多斯" : "");
                docs.add(SegmentIndexTest.doc("标题" + i, body, LocalDate.of(2025, 12, 1).minusDays(30L * k), -1));
            }
            segments.put(ids[k], docs);
        }
        IndexReader reader = SegmentIndexTest.index(segments, 2, 4);
        List<IndexReader.Hit> hits = reader.search(Query.parse("鄂尔多斯"), 10);
        assertThat(hits).extracting(IndexReader.Hit::segment, IndexReader.Hit::doc).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2025-1", 7));
        // 2025-3 has 鄂尔 but not 多斯, 2024-4 多斯 but not 鄂尔: neither is read.
        assertThat(reader.filesRead().stream().filter(path -> path.endsWith("meta.json")))
                .containsExactly("search/2025-4/meta.json", "search/2025-1/meta.json");
        // A common query stops in the newest segment without reading the directory.
        IndexReader common = SegmentIndexTest.index(segments, 2, 4);
        assertThat(common.search(Query.parse("法院"), 10)).hasSize(20);
        assertThat(common.filesRead()).noneMatch(path -> path.startsWith("search/terms/"));
    }

    private static String code(long... numbers) {
        StringBuilder out = new StringBuilder();
        for (long n : numbers) {
            NumberCode.append(out, n);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) MiniJson.parse(text);
    }
}
