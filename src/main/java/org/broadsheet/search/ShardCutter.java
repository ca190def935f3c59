package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a segment's terms (in term order) into a given number of shards of about equal compressed size, so that
 * a query fetches a few shards of tens of KB each whatever the terms it looks up. The size that counts is what
 * the host sends, and it is estimated from each entry's raw bytes: postings, which are nearly all of a shard,
 * shrink to about {@value #POSTING_WEIGHT}% of their chars under gzip whatever the language (they are numbers),
 * and terms to about {@value #TERM_WEIGHT}% (sorted terms share their first unit). Shards cut by this estimate
 * come out as even under gzip as shards cut by deflating the entries (bench/README.md, "Building the search
 * index"), for none of deflate's cost.
 */
final class ShardCutter {
    /** Estimated compressed bytes per hundred raw bytes of a term, quotes and comma included. */
    static final int TERM_WEIGHT = 31;
    /** Estimated compressed bytes per hundred raw bytes of postings, quotes and comma included. */
    static final int POSTING_WEIGHT = 59;

    private ShardCutter() {
    }

    /** {@code entries} cut into {@code count} shards; some may be empty when terms are few. */
    static List<List<TermEntry>> cut(List<TermEntry> entries, int count) {
        long[] before = weightsBefore(entries);
        long total = before[entries.size()];
        List<List<TermEntry>> shards = new ArrayList<>(count);
        int start = 0;
        for (int shard = 1; shard <= count; shard++) {
            int end = start;
            long limit = shard == count ? Long.MAX_VALUE : total * shard / count;
            while (end < entries.size() && before[end] < limit) {
                end++;
            }
            shards.add(entries.subList(start, end));
            start = end;
        }
        return shards;
    }

    /** For each entry, the estimated compressed size of the entries before it; the last element is the total. */
    static long[] weightsBefore(List<TermEntry> entries) {
        long[] before = new long[entries.size() + 1];
        for (int i = 0; i < entries.size(); i++) {
            before[i + 1] = before[i] + weight(entries.get(i));
        }
        return before;
    }

    /** An entry as it sits in a shard: "term", and "postings", (a method: see TermCollector.pairEntry). */
    private static long weight(TermEntry entry) {
        return (long) TERM_WEIGHT * (utf8Length(entry.term()) + 3) + (long) POSTING_WEIGHT * (entry.length() + 3);
    }

    /** Bytes of {@code term} in UTF-8, counted without encoding it. */
    private static int utf8Length(String term) {
        int bytes = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < term.length()
                    && Character.isLowSurrogate(term.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
