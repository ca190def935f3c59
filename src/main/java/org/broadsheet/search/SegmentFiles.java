package org.broadsheet.search;

import java.util.List;

/**
 * The files of one indexed segment: its meta (shard boundaries and per-story numbers), its shards of postings
 * in term order (as UTF-8) and its chunks of display data; and its terms in order, which the
 * {@link TermDirectory} lists. {@link SegmentWriter} hands over unmodifiable lists; the shards' list makes each
 * shard's bytes when it is read (see {@code SegmentWriter.ShardBytes}), so it is not copied here.
 *
 * @param release gives the arrays the shards are made from back to the scratch they came from, for the next
 *                segment; once called, the shards must not be read
 */
public record SegmentFiles(String meta, List<byte[]> shards, List<String> chunks, List<String> terms,
        Runnable release) {
    public SegmentFiles {
        chunks = List.copyOf(chunks);
        terms = List.copyOf(terms);
    }
}
