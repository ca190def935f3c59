package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardCutterTest {
    private static TermEntry entry(String term, int postingBytes) {
        byte[] code = new byte[postingBytes + 2];
        return new TermEntry(term, code, 1, postingBytes);
    }

    @Test
    void anEntryWeighsItsTermsUtf8BytesAndItsPostingsEachByTheirOwnRatio() {
        List<TermEntry> entries = List.of(entry("a", 5), entry("中国", 0), entry("𠀀x", 2), entry("é", 1));
        long[] before = ShardCutter.weightsBefore(entries);
        long[] expected = new long[entries.size() + 1];
        for (int i = 0; i < entries.size(); i++) {
            int termBytes = entries.get(i).term().getBytes(StandardCharsets.UTF_8).length;
            expected[i + 1] = expected[i] + ShardCutter.TERM_WEIGHT * (termBytes + 3L)
                    + ShardCutter.POSTING_WEIGHT * (entries.get(i).length() + 3L);
        }
        assertThat(before).containsExactly(expected);
    }

    @Test
    void shardsAreContiguousInTermOrderAndEvenByWeight() {
        List<TermEntry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(entry(String.format("t%04d", i), i % 7 == 0 ? 200 : 20));
        }
        List<List<TermEntry>> shards = ShardCutter.cut(entries, 5);
        assertThat(shards).hasSize(5);
        List<TermEntry> joined = new ArrayList<>();
        shards.forEach(joined::addAll);
        assertThat(joined).isEqualTo(entries);
        long[] before = ShardCutter.weightsBefore(entries);
        long share = before[entries.size()] / 5;
        long biggest = ShardCutter.POSTING_WEIGHT * 203L + ShardCutter.TERM_WEIGHT * 8L;
        int start = 0;
        for (List<TermEntry> shard : shards) {
            long weight = before[start + shard.size()] - before[start];
            assertThat(weight).isBetween(share - biggest, share + biggest);
            start += shard.size();
        }
    }

    @Test
    void moreShardsThanEntriesLeavesSomeEmptyAndTheLastAlways() {
        List<TermEntry> entries = List.of(entry("a", 1), entry("b", 1));
        List<List<TermEntry>> shards = ShardCutter.cut(entries, 4);
        assertThat(shards).hasSize(4);
        assertThat(shards.stream().flatMap(List::stream).toList()).isEqualTo(entries);
        assertThat(shards.get(3)).isEmpty();
    }
}
