package org.broadsheet.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which segments hold each term, over the whole archive: {@code search/terms/N.json}, a term's file chosen by a
 * hash of the term. A query that the newest segment does not answer reads the entries of its terms (one small file
 * each) and then searches only the segments that hold all of them: without it, a rare query read a few shards of
 * every segment, tens of KB each, and a quarter lacking one of its pairs cost as much as one holding them all.
 *
 * <p>Hashed rather than cut by term range so that the files' boundaries never move: an edit rewrites only the
 * files of the terms that appeared in or disappeared from a segment. The file count follows from the number of
 * stories (a power of two, so it changes seldom), so it is known before anything is indexed.
 *
 * <p>A file: {@code {"t":[terms…],"s":[segments…]}}, terms in String order; a term's segments are runs of
 * consecutive quarters in {@link NumberCode}: the first quarter's {@link #ordinal}, the run's length less one,
 * then for each further run its distance from the previous run's end less two and its length less one. Quarters
 * rather than places in the manifest, so that a new quarter changes no other entry.
 */
public final class TermDirectory {
    /** About this many stories per file: ~10 KB compressed at 100,000 stories of the generated corpus. */
    static final int STORIES_PER_FILE = 500;

    private final Map<String, long[]> segmentsOf = new HashMap<>();
    private final int first;
    private final int words;

    /** An empty directory for segments whose ordinals lie in {@code [first, last]}. */
    public TermDirectory(int first, int last) {
        this.first = first;
        this.words = (last - first) / 64 + 1;
    }

    public static int fileCount(int stories) {
        return Integer.highestOneBit(Math.max(1, stories / STORIES_PER_FILE));
    }

    /** The file holding {@code term}'s entry: FNV-1a over its UTF-16 chars, as search.js computes it. */
    public static int fileOf(String term, int files) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < term.length(); i++) {
            hash = (hash ^ term.charAt(i)) * 0x01000193;
        }
        return Integer.remainderUnsigned(hash, files);
    }

    /** A segment's quarter as one number: 2025-4 is 2025 * 4 + 3. */
    public static int ordinal(String segment) {
        int dash = segment.lastIndexOf('-');
        return Integer.parseInt(segment.substring(0, dash)) * 4 + Integer.parseInt(segment.substring(dash + 1)) - 1;
    }

    /** Records that segment {@code ordinal} holds every one of {@code terms}. */
    public synchronized void add(int ordinal, Iterable<String> terms) {
        int bit = ordinal - first;
        for (String term : terms) {
            segmentsOf.computeIfAbsent(term, t -> new long[words])[bit >>> 6] |= 1L << bit;
        }
    }

    /**
     * Records, from a file this class wrote, the entries of the segments {@code wanted} accepts (by ordinal) within
     * this directory's range: how a segment that was not indexed again keeps its entries.
     */
    @SuppressWarnings("unchecked")
    public synchronized void addFrom(String file, java.util.function.IntPredicate wanted) {
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(file);
        List<String> terms = (List<String>) json.get("t");
        List<String> codes = (List<String>) json.get("s");
        for (int i = 0; i < terms.size(); i++) {
            long[] bits = null;
            NumberCode.Reader in = new NumberCode.Reader(codes.get(i));
            int end = Integer.MIN_VALUE;
            while (in.hasNext()) {
                int start = end == Integer.MIN_VALUE ? in.nextInt() : end + 2 + in.nextInt();
                end = start + in.nextInt();
                for (int ordinal = start; ordinal <= end; ordinal++) {
                    if (ordinal >= first && ordinal - first < words * 64 && wanted.test(ordinal)) {
                        bits = bits != null ? bits : segmentsOf.computeIfAbsent(terms.get(i), t -> new long[words]);
                        bits[(ordinal - first) >>> 6] |= 1L << (ordinal - first);
                    }
                }
            }
        }
    }

    /** The directory's {@code files} files, in order. */
    public synchronized List<String> write(int files) {
        List<List<String>> terms = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            terms.add(new ArrayList<>());
        }
        for (String term : segmentsOf.keySet()) {
            terms.get(fileOf(term, files)).add(term);
        }
        List<String> texts = new ArrayList<>(files);
        for (List<String> file : terms) {
            file.sort(null);
            StringBuilder out = new StringBuilder(file.size() * 16 + 16).append("{\"t\":[");
            for (int i = 0; i < file.size(); i++) {
                JsonText.string(i > 0 ? out.append(',') : out, file.get(i));
            }
            out.append("],\"s\":[");
            for (int i = 0; i < file.size(); i++) {
                out.append(i > 0 ? ",\"" : "\"").append(runs(segmentsOf.get(file.get(i)))).append('"');
            }
            texts.add(out.append("]}\n").toString());
        }
        return texts;
    }

    private String runs(long[] bits) {
        StringBuilder out = new StringBuilder();
        int end = -1; // the previous run's last bit
        for (int bit = nextSet(bits, 0); bit >= 0; ) {
            int last = bit;
            while (isSet(bits, last + 1)) {
                last++;
            }
            NumberCode.append(out, end < 0 ? (long) first + bit : bit - end - 2);
            NumberCode.append(out, last - bit);
            end = last;
            bit = nextSet(bits, last + 1);
        }
        return out.toString();
    }

    private boolean isSet(long[] bits, int bit) {
        return bit < words * 64 && (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    private int nextSet(long[] bits, int from) {
        for (int bit = from; bit < words * 64; bit++) {
            if ((bits[bit >>> 6] & (1L << bit)) != 0) {
                return bit;
            }
        }
        return -1;
    }

    /** The quarters' ordinals an entry lists, ascending. */
    public static Set<Integer> ordinals(String code) {
        Set<Integer> out = new TreeSet<>();
        NumberCode.Reader in = new NumberCode.Reader(code);
        int end = Integer.MIN_VALUE;
        while (in.hasNext()) {
            int start = end == Integer.MIN_VALUE ? in.nextInt() : end + 2 + in.nextInt();
            end = start + in.nextInt();
            for (int ordinal = start; ordinal <= end; ordinal++) {
                out.add(ordinal);
            }
        }
        return out;
    }

    /** {@code term}'s entry in a parsed directory file, or null when no segment holds it. */
    @SuppressWarnings("unchecked")
    static String entry(Map<String, Object> file, String term) {
        List<String> terms = (List<String>) file.get("t");
        int found = java.util.Collections.binarySearch(terms, term);
        return found < 0 ? null : ((List<String>) file.get("s")).get(found);
    }
}
