package org.broadsheet.search;

import java.util.List;

/**
 * The files of one indexed segment: its meta (shard boundaries and per-story numbers), its shards of postings
 * in term order and its chunks of display data.
 */
public record SegmentFiles(String meta, List<String> shards, List<String> chunks) {
    public SegmentFiles {
        shards = List.copyOf(shards);
        chunks = List.copyOf(chunks);
    }
}
