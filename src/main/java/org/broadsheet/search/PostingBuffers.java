package org.broadsheet.search;

import java.util.Arrays;

/**
 * The postings of a segment's unit terms as they grow, term by dense id: each term's {@link NumberCode} text in a
 * byte array of its own (its chars are ASCII), and per term the last story written, the story now pending and
 * whether the unit is in that story's title, in flat arrays. Units are few (thousands) and each story's entry is
 * written as the story ends.
 */
final class PostingBuffers {
    private byte[][] codes;
    private int[] lengths;
    private int[] lastDoc;
    private int[] pendingDoc;
    private boolean[] inTitle;
    private int size;

    PostingBuffers(int expected) {
        int capacity = Math.max(16, expected);
        codes = new byte[capacity][];
        lengths = new int[capacity];
        lastDoc = new int[capacity];
        pendingDoc = new int[capacity];
        inTitle = new boolean[capacity];
    }

    int size() {
        return size;
    }

    /** Makes room for the term that {@code id} (at most {@link #size()}) names, when it is new. */
    void ensure(int id) {
        if (id < size) {
            return;
        }
        if (size == codes.length) {
            int capacity = size * 2;
            codes = Arrays.copyOf(codes, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            lastDoc = Arrays.copyOf(lastDoc, capacity);
            pendingDoc = Arrays.copyOf(pendingDoc, capacity);
            inTitle = Arrays.copyOf(inTitle, capacity);
        }
        codes[size] = new byte[16];
        lastDoc[size] = -1;
        pendingDoc[size] = -1;
        size++;
    }

    /** Marks {@code term} as in {@code doc}; true the first time for this story. */
    boolean touch(int term, int doc) {
        if (pendingDoc[term] == doc) {
            return false;
        }
        pendingDoc[term] = doc;
        inTitle[term] = false;
        return true;
    }

    void markInTitle(int term) {
        inTitle[term] = true;
    }

    /** A unit's entry for the story it was touched in: the gap to its previous story, with the title flag. */
    void write(int term) {
        int doc = pendingDoc[term];
        append(term, (long) (doc - lastDoc[term] - 1) * 2 + (inTitle[term] ? 1 : 0));
        lastDoc[term] = doc;
    }

    /** The term with its postings, once its segment is read. */
    TermEntry entry(int term, String text) {
        return new TermEntry(text, codes[term], 0, lengths[term]);
    }

    /** As {@link NumberCode#append}, into the term's bytes. */
    private void append(int term, long value) {
        int needed = lengths[term] + NumberCode.length(value);
        if (needed > codes[term].length) {
            codes[term] = Arrays.copyOf(codes[term], Math.max(codes[term].length * 2, needed));
        }
        lengths[term] = NumberCode.write(codes[term], lengths[term], value);
    }
}
