package org.broadsheet.search;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The large arrays that indexing a segment needs only until its files are made (the log of its places, its
 * places grouped, its postings), kept for the next segment. The launcher's JVM
 * promotes whatever survives one young collection, and a segment's arrays, tens of MB, are alive through several:
 * made anew for every segment, they would fill the old generation every few segments of a large archive, a full
 * collection each time.
 */
public final class IndexScratch {
    /** Scratch for the segments of one build, handed from one segment to the next; safe across threads. */
    public static final class Pool {
        private final ConcurrentLinkedQueue<IndexScratch> free = new ConcurrentLinkedQueue<>();

        IndexScratch take() {
            IndexScratch scratch = free.poll();
            return scratch == null ? new IndexScratch() : scratch;
        }

        /** What gives {@code scratch} back to the pool: at most once, however often it is run. */
        Runnable giveBack(IndexScratch scratch) {
            AtomicBoolean given = new AtomicBoolean();
            return () -> {
                if (given.compareAndSet(false, true)) {
                    free.add(scratch);
                }
            };
        }
    }

    /** {@link PlaceLog}'s places; its contents are overwritten before they are read. */
    int[] log = new int[0];
    /** One unit's places at a time, grouped by the unit after them ({@link SegmentPostings}). */
    long[] sorted = new long[0];
    /** {@link SegmentPostings}' places grouped by unit. */
    long[] grouped = new long[0];
    /** The pairs' postings ({@link NumberCode} text), which the segment's shards are made from. */
    byte[] codes = new byte[0];
    /** The units' postings, likewise. */
    byte[] unitCodes = new byte[0];

    private IndexScratch() {
    }

    /** An array of at least {@code size} bytes for the postings. */
    byte[] codes(int size) {
        if (codes.length < size) {
            codes = new byte[size + size / 8];
        }
        return codes;
    }

    /** An array of at least {@code size} bytes for the units' postings. */
    byte[] unitCodes(int size) {
        if (unitCodes.length < size) {
            unitCodes = new byte[size];
        }
        return unitCodes;
    }

    /** An array of at least {@code size} longs for one unit's places. */
    long[] sorted(int size) {
        if (sorted.length < size) {
            sorted = new long[size + size / 8];
        }
        return sorted;
    }

    /** An array of at least {@code size} longs for the grouped places. */
    long[] grouped(int size) {
        if (grouped.length < size) {
            grouped = new long[size + size / 8];
        }
        return grouped;
    }
}
