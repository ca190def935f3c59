package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.archive.Body;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of a segment, pinned by digest: the writer's inner workings may change for speed, its output
 * may not (a change of format raises {@link SegmentWriter#VERSION} and the digests here with it). The stories mix
 * what tokenising and term order must get right: ASCII words and numbers, spaced and broken neighbours, fields,
 * entities and footnote marks, full-width forms, and ideographs outside the BMP, which sort by UTF-16 code units
 * (𠀀, U+20000, before 﨎, U+FA0E).
 *
 * <p>Version 5 writes a pair's story at one position without its count (most of them): the digests were taken
 * anew then, as at version 4, which moved where shards are cut (an estimate of their compressed size instead of
 * deflating them). The ones before that had held since version 3, whose only change was the meta's {@code "v"}.
 */
class SegmentBytesTest {
    private static final String[] MIXED = {"𠀀", "𪚥", "﨎", "ＰＤＦ", "pdf", "PDFs", "2025", "8.82", "v1.2", " ", "　",
        "，", "&amp;", "&#x4e2d;", "<sup>3</sup>", "</p><p>", "<strong>", "</strong>", "é", "ß", "\"", "\\", "Ⅻ", "①"};

    static List<SearchDoc> stories(long seed, int count, int length) {
        Random random = new Random(seed);
        List<SearchDoc> docs = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 12, 31);
        for (int i = 0; i < count; i++) {
            day = day.minusDays(random.nextInt(3));
            docs.add(new SearchDoc(text(random, 6 + random.nextInt(20)), i % 4 == 0 ? "" : text(random, 8),
                    i % 5 == 0 ? text(random, 12) : "", Body.of("<p>" + text(random, length) + "</p>"), day,
                    "2025/12/" + (1 + i % 28) + "/01/s" + i + ".html", "第0" + (1 + i % 8) + "版", i % 4 - 1));
        }
        return docs;
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (random.nextInt(9) == 0) {
                text.append(MIXED[random.nextInt(MIXED.length)]);
            } else {
                text.append(CorpusText.paragraph(random, 1 + random.nextInt(6)));
            }
        }
        return text.toString();
    }

    static String digest(SegmentFiles files) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(files.meta().getBytes(StandardCharsets.UTF_8));
        for (byte[] shard : files.shards()) {
            sha.update((byte) 0);
            sha.update(shard);
        }
        for (String chunk : files.chunks()) {
            sha.update((byte) 1);
            sha.update(chunk.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The segment's shards as text. */
    static List<String> shardTexts(SegmentFiles files) {
        return files.shards().stream().map(shard -> new String(shard, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aSegmentOfMixedStoriesHasTheBytesItAlwaysHad() throws Exception {
        SegmentFiles files = SegmentWriter.write(stories(1, 400, 600), 6, 50);
        // The digest pins what these stories hold: the terms that are hard to cut and to order are among them.
        assertThat(String.join("", shardTexts(files))).contains("\"𠀀", "\"﨎", "\"pdfs\"", "\"8.82\"", "\"v1.2\"", "\"中");
        assertThat(digest(files)).isEqualTo("15736dd15a8136c32bb292ea58a92c2caf8021a1b9bf4d4eed92693f644ba2a2");
        // The terms the directory lists are the shards' terms, in their order.
        List<String> inShards = new ArrayList<>();
        for (String shard : shardTexts(files)) {
            @SuppressWarnings("unchecked")
            List<String> terms = (List<String>) ((java.util.Map<String, Object>) MiniJson.parse(shard)).get("t");
            inShards.addAll(terms);
        }
        assertThat(files.terms()).isEqualTo(inShards);
    }

    @Test
    void aLargerSegmentWithLongPostingsHasTheBytesItAlwaysHad() throws Exception {
        assertThat(digest(SegmentWriter.write(stories(2, 3000, 1200), 20, SearchLayout.CHUNK)))
                .isEqualTo("f2a6afbd1f7345ffeefcf835adeb412ce5c8b750426582ba501bfb82b353d8f2");
    }

    @Test
    void segmentsIndexedOneAfterAnotherWithTheSameScratchHaveTheBytesTheyHaveAlone() throws Exception {
        IndexScratch.Pool pool = new IndexScratch.Pool();
        // Large first, so that the smaller ones after it reuse arrays longer than they need, holding its data.
        assertThat(digestAndRelease(SegmentWriter.write(stories(2, 3000, 1200), 20, SearchLayout.CHUNK,
                BodyReader.IN_MEMORY, pool)))
                .isEqualTo("f2a6afbd1f7345ffeefcf835adeb412ce5c8b750426582ba501bfb82b353d8f2");
        IndexScratch used = pool.take();
        assertThat(used.codes.length).as("the first segment's arrays are back in the pool").isPositive();
        pool.giveBack(used).run();
        assertThat(digestAndRelease(SegmentWriter.write(stories(1, 400, 600), 6, 50, BodyReader.IN_MEMORY, pool)))
                .isEqualTo("15736dd15a8136c32bb292ea58a92c2caf8021a1b9bf4d4eed92693f644ba2a2");
        assertThat(digestAndRelease(SegmentWriter.write(stories(3, 1, 5), 3, 10, BodyReader.IN_MEMORY, pool)))
                .isEqualTo("28feff87a168419f605ad7c0c291c2b4385024355de41a2ecf0c3137b38513dd");
    }

    private static String digestAndRelease(SegmentFiles files) throws Exception {
        String digest = digest(files);
        files.release().run();
        files.release().run(); // twice: the pool must still hand the arrays to one segment at a time
        return digest;
    }

    @Test
    void releasedArraysGoToOneSegmentAtATime() {
        IndexScratch.Pool pool = new IndexScratch.Pool();
        SegmentFiles files = SegmentWriter.write(stories(1, 40, 200), 2, 10, BodyReader.IN_MEMORY, pool);
        files.release().run();
        files.release().run();
        assertThat(pool.take()).isNotSameAs(pool.take());
    }

    @Test
    void aTinySegmentHasTheBytesItAlwaysHad() throws Exception {
        assertThat(digest(SegmentWriter.write(stories(3, 1, 5), 3, 10)))
                .isEqualTo("28feff87a168419f605ad7c0c291c2b4385024355de41a2ecf0c3137b38513dd");
    }
}
