package org.broadsheet.search;

import java.util.Arrays;

/**
 * The postings of a segment's terms as they grow, term by dense id: each term's {@link NumberCode} text in a byte
 * array of its own (the code's chars are ASCII), and per term the last story written and the story now pending, in
 * flat arrays rather than an object per term, which kept a million small objects and their builders live.
 *
 * <p>For pair terms, the pending story's positions are chained through an array indexed by position (see
 * {@link #addPosition}), so a story's positions need no list per term.
 */
final class PostingBuffers {
    private byte[][] codes;
    private int[] lengths;
    private int[] lastDoc;
    private int[] pendingDoc;
    /** Pending story's state: for a unit whether it is in the title; for a pair its first position and count. */
    private int[] first;
    private int[] last;
    private int[] count;
    private int size;

    PostingBuffers(int expected) {
        int capacity = Math.max(16, expected);
        codes = new byte[capacity][];
        lengths = new int[capacity];
        lastDoc = new int[capacity];
        pendingDoc = new int[capacity];
        first = new int[capacity];
        last = new int[capacity];
        count = new int[capacity];
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
            first = Arrays.copyOf(first, capacity);
            last = Arrays.copyOf(last, capacity);
            count = Arrays.copyOf(count, capacity);
        }
        codes[size] = new byte[4];
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
        first[term] = 0;
        count[term] = 0;
        return true;
    }

    void markInTitle(int term) {
        first[term] = 1;
    }

    /** A unit's entry for the story it was touched in: the gap to its previous story, with the title flag. */
    void writeUnit(int term) {
        int doc = pendingDoc[term];
        append(term, (long) (doc - lastDoc[term] - 1) * 2 + first[term]);
        lastDoc[term] = doc;
    }

    /** Adds {@code position} to a pair's pending story; positions come in increasing order. */
    void addPosition(int term, int position, int[] next) {
        if (count[term] == 0) {
            first[term] = position;
        } else {
            next[last[term]] = position;
        }
        last[term] = position;
        count[term]++;
    }

    /** A pair's entry for its pending story: the gap, the number of positions less one, then the positions' gaps. */
    void writePair(int term, int[] next) {
        int doc = pendingDoc[term];
        append(term, doc - lastDoc[term] - 1);
        lastDoc[term] = doc;
        int n = count[term];
        append(term, n - 1);
        int previous = -1;
        int position = first[term];
        for (int k = 0; k < n; k++) {
            append(term, position - previous - 1);
            previous = position;
            position = next[position];
        }
    }

    /** The term with its postings, once its segment is read. */
    TermEntry entry(int term, String text) {
        return new TermEntry(text, codes[term], lengths[term]);
    }

    /** As {@link NumberCode#append}, into the term's bytes. */
    private void append(int term, long value) {
        int shift = 0;
        while ((value >>> shift) >= 32) {
            shift += 5;
        }
        byte[] code = codes[term];
        int length = lengths[term];
        if (length + shift / 5 + 1 > code.length) {
            code = Arrays.copyOf(code, Math.max(code.length * 2, length + shift / 5 + 1));
            codes[term] = code;
        }
        for (; shift > 0; shift -= 5) {
            code[length++] = (byte) NumberCode.ALPHABET.charAt(32 + (int) ((value >>> shift) & 31));
        }
        code[length++] = (byte) NumberCode.ALPHABET.charAt((int) (value & 31));
        lengths[term] = length;
    }
}
