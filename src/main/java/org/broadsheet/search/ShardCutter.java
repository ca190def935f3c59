package org.broadsheet.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** {@code entries} cut into {@code count} shards; some may be empty when terms are few. */
    static List<List<TermEntry>> cut(List<TermEntry> entries, int count) {
        long[] compressedBefore = compressedOffsets(entries);
        long total = compressedBefore[entries.size()];
        List<List<TermEntry>> shards = new ArrayList<>(count);
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
    static long[] compressedOffsets(List<TermEntry> entries) {
        long[] offsets = new long[entries.size() + 1];
        Deflater deflater = new Deflater(1, true);
        byte[] buffer = new byte[64 * 1024];
        Utf8Buffer raw = new Utf8Buffer();
        long compressed = 0;
        try {
            for (int from = 0; from < entries.size(); from += STEP) {
                int to = Math.min(entries.size(), from + STEP);
                // Each entry as it would sit in a shard: "term","postings",
                raw.clear();
                long[] rawEnds = new long[to - from];
                for (int i = from; i < to; i++) {
                    TermEntry entry = entries.get(i);
                    raw.ascii('"').text(entry.term()).ascii('"').ascii(',').ascii('"');
                    raw.bytes(entry.code(), entry.offset(), entry.length()).ascii('"').ascii(',');
                    rawEnds[i - from] = raw.chars();
                }
                deflater.setInput(raw.array(), 0, raw.size());
                long produced = 0;
                int n;
                while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
                    produced += n;
                    if (n < buffer.length) {
                        break;
                    }
                }
                for (int i = from; i < to; i++) {
                    offsets[i + 1] = compressed + produced * rawEnds[i - from] / Math.max(1, raw.chars());
                }
                compressed += produced;
            }
        } finally {
            deflater.end();
        }
        return offsets;
    }

    /**
     * Text as UTF-8 in a reused array, counting its chars as well (an entry's share of a flush is its share of the
     * chars): no String and no byte array per step.
     */
    private static final class Utf8Buffer {
        private byte[] bytes = new byte[64 * 1024];
        private int size;
        private long chars;

        void clear() {
            size = 0;
            chars = 0;
        }

        byte[] array() {
            return bytes;
        }

        int size() {
            return size;
        }

        long chars() {
            return chars;
        }

        Utf8Buffer ascii(char c) {
            room(1);
            bytes[size++] = (byte) c;
            chars++;
            return this;
        }

        Utf8Buffer bytes(byte[] ascii, int offset, int length) {
            room(length);
            System.arraycopy(ascii, offset, bytes, size, length);
            size += length;
            chars += length;
            return this;
        }

        Utf8Buffer text(String text) {
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            room(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            chars += text.length();
            return this;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
