package org.broadsheet.search;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** Each term's segments as bits (segment {@code first + b} is bit b): the short terms packed, the rest here. */
    private final PackedTerms packed;
    private final Map<String, long[]> longTerms = new HashMap<>();
    private final int first;
    private final int words;

    /** An empty directory for segments whose ordinals lie in {@code [first, last]}. */
    public TermDirectory(int first, int last) {
        this.first = first;
        this.words = (last - first) / 64 + 1;
        this.packed = new PackedTerms(words);
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
            set(term, bit);
        }
    }

    private void set(String term, int bit) {
        if (PackedTerms.fits(term)) {
            packed.set(PackedTerms.pack(term), bit);
        } else {
            longTerms.computeIfAbsent(term, t -> new long[words])[bit >>> 6] |= 1L << bit;
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
            NumberCode.Reader in = new NumberCode.Reader(codes.get(i));
            int end = Integer.MIN_VALUE;
            while (in.hasNext()) {
                int start = end == Integer.MIN_VALUE ? in.nextInt() : end + 2 + in.nextInt();
                end = start + in.nextInt();
                for (int ordinal = start; ordinal <= end; ordinal++) {
                    if (ordinal >= first && ordinal - first < words * 64 && wanted.test(ordinal)) {
                        set(terms.get(i), ordinal - first);
                    }
                }
            }
        }
    }

    /**
     * The directory's {@code files} files, in order. The short terms come sorted as longs and are dealt to their
     * files in that order; each file's long terms are sorted as Strings and merged in.
     */
    public synchronized List<String> write(int files) {
        long[] sorted = packed.sortedKeys();
        int[] start = new int[files + 1];
        for (long key : sorted) {
            start[PackedTerms.fileOf(key, files) + 1]++;
        }
        for (int file = 0; file < files; file++) {
            start[file + 1] += start[file];
        }
        long[] byFile = new long[sorted.length];
        int[] cursor = Arrays.copyOf(start, files);
        for (long key : sorted) {
            byFile[cursor[PackedTerms.fileOf(key, files)]++] = key;
        }
        List<List<String>> longOnes = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            longOnes.add(new ArrayList<>());
        }
        for (String term : longTerms.keySet()) {
            longOnes.get(fileOf(term, files)).add(term);
        }
        List<String> texts = new ArrayList<>(files);
        for (int file = 0; file < files; file++) {
            List<String> others = longOnes.get(file);
            others.sort(null);
            StringBuilder terms = new StringBuilder((start[file + 1] - start[file] + others.size()) * 8 + 16)
                    .append("{\"t\":[");
            StringBuilder segments = new StringBuilder((start[file + 1] - start[file] + others.size()) * 6 + 16)
                    .append("],\"s\":[");
            int at = start[file];
            String shortTerm = at < start[file + 1] ? PackedTerms.unpack(byFile[at]) : null;
            int other = 0;
            boolean firstTerm = true;
            while (shortTerm != null || other < others.size()) {
                boolean takeShort = shortTerm != null
                        && (other == others.size() || shortTerm.compareTo(others.get(other)) < 0);
                if (!firstTerm) {
                    terms.append(',');
                    segments.append(',');
                }
                firstTerm = false;
                segments.append('"');
                if (takeShort) {
                    JsonText.string(terms, shortTerm);
                    runs(segments, packed.bits(), packed.offset(byFile[at]));
                    at++;
                    shortTerm = at < start[file + 1] ? PackedTerms.unpack(byFile[at]) : null;
                } else {
                    JsonText.string(terms, others.get(other));
                    runs(segments, longTerms.get(others.get(other)), 0);
                    other++;
                }
                segments.append('"');
            }
            texts.add(terms.append(segments).append("]}\n").toString());
        }
        return texts;
    }

    /** A term's segments, {@code words} longs of {@code bits} from {@code offset}, as runs (see the class). */
    private void runs(StringBuilder out, long[] bits, int offset) {
        int end = -1; // the previous run's last bit
        for (int bit = nextSet(bits, offset, 0); bit >= 0; ) {
            int last = bit;
            while (isSet(bits, offset, last + 1)) {
                last++;
            }
            NumberCode.append(out, end < 0 ? (long) first + bit : bit - end - 2);
            NumberCode.append(out, last - bit);
            end = last;
            bit = nextSet(bits, offset, last + 1);
        }
    }

    private boolean isSet(long[] bits, int offset, int bit) {
        return bit < words * 64 && (bits[offset + (bit >>> 6)] & (1L << bit)) != 0;
    }

    /** The first bit set from {@code from} on, or -1: a word at a time, since most terms are in few segments. */
    private int nextSet(long[] bits, int offset, int from) {
        if (from >= words * 64) {
            return -1;
        }
        int word = from >>> 6;
        long rest = bits[offset + word] & (-1L << from);
        while (rest == 0) {
            if (++word == words) {
                return -1;
            }
            rest = bits[offset + word];
        }
        return word * 64 + Long.numberOfTrailingZeros(rest);
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
