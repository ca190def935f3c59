package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Cuts a segment's terms (in term order) into a given number of shards of about equal compressed size, so that
 * a query fetches a few shards of tens of KB each whatever the terms it looks up. The size that counts is what
 * the host sends: each entry's share is measured by deflating the segment's entries as one stream, flushed every
 * {@value #STEP} entries (a flush costs a little compression, but makes the stream's length readable there). The fastest level is
 * used: only the shares matter, and they differ little between levels.
 */
final class ShardCutter {
    private static final int STEP = 64;

    private ShardCutter() {
    }

    /** {@code entries} ({term, postings}) cut into {@code count} shards; some may be empty when terms are few. */
    static List<List<String[]>> cut(List<String[]> entries, int count) {
        long[] compressedBefore = compressedOffsets(entries);
        long total = compressedBefore[entries.size()];
        List<List<String[]>> shards = new ArrayList<>(count);
        int start = 0;
        for (int shard = 1; shard <= count; shard++) {
            int end = start;
            long limit = shard == count ? Long.MAX_VALUE : total * shard / count;
            while (end < entries.size() && compressedBefore[end] < limit) {
                end++;
            }
            shards.add(entries.subList(start, end));
            start = end;
        }
        return shards;
    }

    /**
     * For each entry, how many compressed bytes the entries before it take; the last element is the total.
     * Between flushes the length is spread over the entries by their raw size.
     */
    static long[] compressedOffsets(List<String[]> entries) {
        long[] offsets = new long[entries.size() + 1];
        Deflater deflater = new Deflater(1, true);
        byte[] buffer = new byte[64 * 1024];
        long compressed = 0;
        try {
            for (int from = 0; from < entries.size(); from += STEP) {
                int to = Math.min(entries.size(), from + STEP);
                StringBuilder raw = new StringBuilder();
                long[] rawEnds = new long[to - from];
                for (int i = from; i < to; i++) {
                    raw.append('"').append(entries.get(i)[0]).append("\",\"").append(entries.get(i)[1]).append("\",");
                    rawEnds[i - from] = raw.length();
                }
                deflater.setInput(raw.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                long produced = 0;
                int n;
                while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                    produced += n;
                    if (n < buffer.length) {
                        break;
                    }
                }
                for (int i = from; i < to; i++) {
                    offsets[i + 1] = compressed + produced * rawEnds[i - from] / Math.max(1, raw.length());
                }
                compressed += produced;
            }
        } finally {
            deflater.end();
        }
        return offsets;
    }
}
