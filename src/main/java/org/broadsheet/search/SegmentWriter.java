package org.broadsheet.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Indexes one segment's stories (newest first; a story's number is its place in that order) into
 * {@link SegmentFiles}. Every unit is a term listing the stories that hold it (with a flag for "in the title"),
 * and every pair of neighbouring units within a run is a term listing the stories and the positions where it
 * starts, so that a phrase is found as pairs at consecutive positions. Postings are written as they are found
 * (stories come in order), so memory holds the segment's compressed postings, not lists of numbers.
 *
 * <p>Postings, in {@link NumberCode}: a unit's, for each story, {@code (gap to the previous story) * 2 + inTitle};
 * a pair's, for each story, the gap, the number of positions less one, the first position and then each gap
 * less one. A gap to the previous story is its number minus the previous one's minus one (the first story's is
 * its number).
 */
public final class SegmentWriter {
    /** Format of the files, part of every key: a change rewrites every segment. */
    public static final int VERSION = 2; // 2: the first day is shifted by SearchLayout.DAY_OFFSET
    /** Boundary of a trailing empty shard: no term sorts after it. */
    static final String NO_TERM = "\uffff";

    private final Map<String, Postings> units = new HashMap<>();
    private final Map<String, Postings> pairs = new HashMap<>();

    private SegmentWriter() {
    }

    /**
     * Postings of one term, growing as stories are added. The current story's positions wait in {@code pending}
     * until the story ends, since a pair's entry starts with how many positions it has.
     */
    private static final class Postings {
        final StringBuilder code = new StringBuilder(8);
        int lastDoc = -1;
        int pendingDoc = -1;
        boolean inTitle;
        IntList pending;
    }

    /**
     * Indexes {@code docs} (newest first) into {@code shardCount} shards cut to about equal size and chunks of
     * display data of {@code chunkSize} stories.
     */
    public static SegmentFiles write(List<SearchDoc> docs, int shardCount, int chunkSize) {
        SegmentWriter writer = new SegmentWriter();
        int[] titleUnits = new int[docs.size()];
        for (int doc = 0; doc < docs.size(); doc++) {
            titleUnits[doc] = writer.add(doc, docs.get(doc));
        }
        List<String[]> entries = writer.entries();
        writer.units.clear();
        writer.pairs.clear();
        List<List<String[]>> shards = ShardCutter.cut(entries, shardCount);
        List<String> shardTexts = new ArrayList<>(shards.size());
        List<String> firstTerms = new ArrayList<>(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            shardTexts.add(shardText(shards.get(i)));
            firstTerms.add(firstTerm(shards, i));
        }
        return new SegmentFiles(meta(docs, titleUnits, firstTerms), shardTexts, DisplayChunks.write(docs, chunkSize));
    }

    /** Adds one story's terms; returns how many units its title has. */
    private int add(int doc, SearchDoc story) {
        List<SearchText.Unit> all = new ArrayList<>(256);
        String title = SearchText.normalize(story.title());
        List<SearchText.Unit> titleUnits = SearchText.units(title);
        all.addAll(titleUnits);
        for (String field : new String[] {story.kicker(), story.subtitle(), HtmlText.of(story.body().html())}) {
            // Each field's first unit is BROKEN from the last one's: no phrase spans two fields.
            all.addAll(SearchText.units(SearchText.normalize(field)));
        }
        // One lookup per occurrence in the segment's maps; each term a story touched is written once it ends.
        List<Postings> touchedUnits = new ArrayList<>(512);
        List<Postings> touchedPairs = new ArrayList<>(1024);
        for (int i = 0; i < all.size(); i++) {
            SearchText.Unit unit = all.get(i);
            Postings single = units.computeIfAbsent(unit.text(), key -> new Postings());
            if (single.pendingDoc != doc) {
                single.pendingDoc = doc;
                single.inTitle = false;
                touchedUnits.add(single);
            }
            single.inTitle |= i < titleUnits.size();
            if (i > 0 && unit.gap() != SearchText.BROKEN) {
                Postings pair = pairs.computeIfAbsent(SearchText.pair(all.get(i - 1), unit), key -> new Postings());
                if (pair.pendingDoc != doc) {
                    pair.pendingDoc = doc;
                    pair.pending = pair.pending == null ? new IntList() : pair.pending.clear();
                    touchedPairs.add(pair);
                }
                pair.pending.add(i - 1);
            }
        }
        for (Postings postings : touchedUnits) {
            NumberCode.append(postings.code, (long) (doc - postings.lastDoc - 1) * 2 + (postings.inTitle ? 1 : 0));
            postings.lastDoc = doc;
        }
        for (Postings postings : touchedPairs) {
            NumberCode.append(postings.code, doc - postings.lastDoc - 1);
            postings.lastDoc = doc;
            IntList list = postings.pending;
            NumberCode.append(postings.code, list.size - 1);
            int previous = -1;
            for (int k = 0; k < list.size; k++) {
                NumberCode.append(postings.code, list.values[k] - previous - 1);
                previous = list.values[k];
            }
            // A common pair keeps its buffer for the next story; a rare one lets it go.
            postings.pending = list.values.length > 16 ? null : list;
        }
        return titleUnits.size();
    }

    /** Every term with its postings, in term order: {term, postings}. */
    private List<String[]> entries() {
        List<String[]> entries = new ArrayList<>(units.size() + pairs.size());
        units.forEach((term, postings) -> entries.add(new String[] {term, postings.code.toString()}));
        pairs.forEach((term, postings) -> entries.add(new String[] {term, postings.code.toString()}));
        entries.sort((a, b) -> a[0].compareTo(b[0]));
        return entries;
    }

    private static String firstTerm(List<List<String[]>> shards, int index) {
        for (int i = index; i < shards.size(); i++) {
            if (!shards.get(i).isEmpty()) {
                return i == 0 ? "" : shards.get(i).get(0)[0];
            }
        }
        return index == 0 ? "" : NO_TERM;
    }

    private static String shardText(List<String[]> entries) {
        int size = entries.stream().mapToInt(e -> e[0].length() + e[1].length() + 6).sum();
        StringBuilder terms = new StringBuilder(size + 16).append("{\"t\":[");
        StringBuilder postings = new StringBuilder(size).append("],\"p\":[");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                terms.append(',');
                postings.append(',');
            }
            JsonText.string(terms, entries.get(i)[0]);
            postings.append('"').append(entries.get(i)[1]).append('"');
        }
        return terms.append(postings).append("]}\n").toString();
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

    /** Bytes of {@code text} in UTF-8, which is what a shard weighs on the host. */
    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A growable list of ints without boxing. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        IntList clear() {
            size = 0;
            return this;
        }

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
