package org.broadsheet.search;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.archive.BodyReader;

/**
 * Indexes one segment's stories (newest first; a story's number is its place in that order) into
 * {@link SegmentFiles}. Every unit is a term listing the stories that hold it (with a flag for "in the title"),
 * and every pair of neighbouring units within a run is a term listing the stories and the positions where it
 * starts, so that a phrase is found as pairs at consecutive positions. {@link TermCollector} gathers them as
 * numbers, without a String per occurrence, and writes them as text once per term.
 *
 * <p>Postings, in {@link NumberCode}: a unit's, for each story, {@code (gap to the previous story) * 2 + inTitle};
 * a pair's, for each story, {@code (gap to the previous story) * 2 + 1} and the number of positions less two when
 * it starts at more than one position, or {@code (gap) * 2} when at one (most pairs in most stories), then the
 * first position and each further one's gap less one. A gap to the previous story is its number minus the previous
 * one's minus one (the first story's is its number).
 */
public final class SegmentWriter {
    /** Format of the files, part of every key: a change rewrites every segment. */
    public static final int VERSION = 5; // 2: first day shifted; 3: TermDirectory; 4: shard cut; 5: one position
    /** Boundary of a trailing empty shard: no term sorts after it. */
    static final String NO_TERM = "\uffff";

    private SegmentWriter() {
    }

    /**
     * Indexes {@code docs} (newest first) into {@code shardCount} shards cut to about equal size and chunks of
     * display data of {@code chunkSize} stories; their bodies are held in memory.
     */
    public static SegmentFiles write(List<SearchDoc> docs, int shardCount, int chunkSize) {
        return write(docs, shardCount, chunkSize, BodyReader.IN_MEMORY, new IndexScratch.Pool());
    }

    /**
     * As {@link #write(List, int, int)}, reading the bodies with {@code bodies}, and with the large arrays taken
     * from and given back to {@code scratch}.
     */
    public static SegmentFiles write(List<SearchDoc> docs, int shardCount, int chunkSize, BodyReader bodies,
            IndexScratch.Pool scratch) {
        IndexScratch arrays = scratch.take();
        TermCollector collector = new TermCollector(bodies, arrays, docs.size());
        int[] titleUnits = new int[docs.size()];
        for (int doc = 0; doc < docs.size(); doc++) {
            titleUnits[doc] = collector.add(docs.get(doc));
        }
        List<TermEntry> entries = collector.entries();
        collector = null; // its tables may go while the shards are cut
        List<List<TermEntry>> shards = ShardCutter.cut(entries, shardCount);
        List<String> firstTerms = new ArrayList<>(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            firstTerms.add(firstTerm(shards, i));
        }
        List<String> terms = entries.stream().map(TermEntry::term).toList(); // immutable: SegmentFiles keeps it
        return new SegmentFiles(meta(docs, titleUnits, firstTerms), new ShardBytes(shards),
                DisplayChunks.write(docs, chunkSize), terms, scratch.giveBack(arrays));
    }

    /**
     * A segment's shards, each made as bytes when asked for: the postings wait as the bytes they were written in,
     * and a shard's bytes live only while it is published. Holding every shard until the last was published kept
     * twice the bytes alive across collections.
     */
    private static final class ShardBytes extends AbstractList<byte[]> {
        private final List<List<TermEntry>> shards;

        ShardBytes(List<List<TermEntry>> shards) {
            this.shards = List.copyOf(shards);
        }

        @Override
        public byte[] get(int index) {
            return shardBytes(shards.get(index));
        }

        @Override
        public int size() {
            return shards.size();
        }
    }

    private static String firstTerm(List<List<TermEntry>> shards, int index) {
        for (int i = index; i < shards.size(); i++) {
            if (!shards.get(i).isEmpty()) {
                return i == 0 ? "" : shards.get(i).get(0).term();
            }
        }
        return index == 0 ? "" : NO_TERM;
    }

    /**
     * {"t":[terms…],"p":[postings…]} in UTF-8. The terms are made as text; the postings, ASCII, are copied from the
     * bytes they were written in straight into the file's bytes: built as one text, they were widened to UTF-16
     * (the terms are Han), copied and encoded again, several passes over the largest part of the index.
     */
    private static byte[] shardBytes(List<TermEntry> entries) {
        int termChars = 0;
        int codeBytes = Math.max(0, entries.size() - 1); // the commas
        for (TermEntry entry : entries) {
            termChars += entry.term().length() + 3;
            codeBytes += entry.length() + 2;
        }
        StringBuilder terms = new StringBuilder(termChars + 16).append("{\"t\":[");
        for (int i = 0; i < entries.size(); i++) {
            JsonText.string(i > 0 ? terms.append(',') : terms, entries.get(i).term());
        }
        byte[] head = terms.append("],\"p\":[").toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + codeBytes + 3];
        System.arraycopy(head, 0, out, 0, head.length);
        int size = head.length;
        for (int i = 0; i < entries.size(); i++) {
            size = postings(entries.get(i), i > 0, out, size);
        }
        out[size++] = ']';
        out[size++] = '}';
        out[size] = '\n';
        return out;
    }

    /**
     * Writes an entry's postings as a JSON string at {@code size} and returns where it ends: a method of its own
     * so that C1 compiles it early (see {@code TermCollector.pairEntry}).
     */
    private static int postings(TermEntry entry, boolean comma, byte[] out, int size) {
        if (comma) {
            out[size++] = ',';
        }
        out[size++] = '"';
        System.arraycopy(entry.code(), entry.offset(), out, size, entry.length());
        size += entry.length();
        out[size++] = '"';
        return size;
    }

    /** Shard boundaries and, per story, its day, bureau and title's length in units. */
    private static String meta(List<SearchDoc> docs, int[] titleUnits, List<String> firstTerms) {
        StringBuilder days = new StringBuilder(docs.size() * 2);
        StringBuilder bureaus = new StringBuilder(docs.size());
        StringBuilder titles = new StringBuilder(docs.size() * 2);
        long previous = docs.isEmpty() ? 0 : docs.get(0).date().toEpochDay();
        NumberCode.append(days, previous + SearchLayout.DAY_OFFSET); // an archive may reach back before 1970
        for (int i = 0; i < docs.size(); i++) {
            long day = docs.get(i).date().toEpochDay();
            NumberCode.append(days, previous - day); // newest first: never negative
            previous = day;
            NumberCode.append(bureaus, docs.get(i).bureau() + 1L);
            NumberCode.append(titles, titleUnits[i]);
        }
        StringBuilder out = new StringBuilder(256 + days.length() * 3).append("{\"v\":").append(VERSION)
                .append(",\"docs\":").append(docs.size()).append(",\"shards\":[");
        for (int i = 0; i < firstTerms.size(); i++) {
            JsonText.string(i > 0 ? out.append(',') : out, firstTerms.get(i));
        }
        return out.append("],\"days\":\"").append(days).append("\",\"bureaus\":\"").append(bureaus)
                .append("\",\"titles\":\"").append(titles).append("\"}\n").toString();
    }
}
