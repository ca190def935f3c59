package org.broadsheet.search;

import java.util.Arrays;

/**
 * A segment's distinct units, each given a dense id the first time it is seen, looked up from a span of the text
 * that holds it so that no String is made for a unit seen before. A unit of one code point (every Han unit, and a
 * one-letter ASCII word) is found by its code point; a longer ASCII word or number by its chars. A unit's identity
 * is its text, whichever path cut it, so a code point and a word can never stand for the same unit.
 */
final class UnitTable {
    /** Id + 1 of each BMP code point's unit, 0 when not seen: Han text hits this array and nothing else. */
    private final int[] bmp = new int[Character.MAX_VALUE + 1];
    /** Code points beyond the BMP (rare: 𠀀) to an index into {@code supplementaryUnits}, which holds the id. */
    private final LongIntMap supplementary = new LongIntMap(64);
    private int[] supplementaryUnits = new int[16];
    /** Words of more than one char, by open addressing with String's own hash. */
    private String[] words = new String[64];
    private int[] wordIds = new int[64];
    private int wordCount;
    /** Per id: the code point, or -1 for a word. */
    private int[] codePoints = new int[256];
    private String[] texts = new String[256];
    private int size;

    /** The most units a segment may have: {@link PlaceLog} keeps an id in an int beside two bits. */
    static final int MAX_UNITS = 1 << 29;

    int size() {
        return size;
    }

    /** The id of the unit {@code new String(text, start, end - start)}, new or not. */
    int idOf(char[] text, int start, int end) {
        // A Han unit seen before, nearly every call: small enough for C1 to inline into the indexer's loop.
        if (end - start == 1) {
            int id = bmp[text[start]] - 1;
            if (id >= 0) {
                return id;
            }
        }
        return anyIdOf(text, start, end);
    }

    /** The id of the unit of one BMP char that is a unit on its own (an ideograph), new or not. */
    int idOf(char c) {
        int id = bmp[c] - 1;
        return id >= 0 ? id : newBmpId(c);
    }

    private int newBmpId(char c) {
        int id = add(c, null);
        bmp[c] = id + 1;
        return id;
    }

    private int anyIdOf(char[] text, int start, int end) {
        char first = text[start];
        int length = end - start;
        if (length == 1) {
            return idOf(first);
        }
        if (length == 2 && Character.isHighSurrogate(first)) {
            int cp = Character.codePointAt(text, start, end);
            int before = supplementary.size();
            int index = supplementary.idOf(cp);
            return index < before ? supplementaryId(index) : newSupplementary(cp);
        }
        return wordId(text, start, end);
    }

    /** The unit's text: made once per distinct unit, when the terms are written. */
    String text(int id) {
        if (texts[id] == null) {
            texts[id] = new String(Character.toChars(codePoints[id]));
        }
        return texts[id];
    }

    private int supplementaryId(int index) {
        return supplementaryUnits[index];
    }

    private int newSupplementary(int cp) {
        int index = supplementary.size() - 1;
        if (index == supplementaryUnits.length) {
            supplementaryUnits = Arrays.copyOf(supplementaryUnits, index * 2);
        }
        supplementaryUnits[index] = add(cp, null);
        return supplementaryUnits[index];
    }

    private int wordId(char[] text, int start, int end) {
        int length = end - start;
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        int mask = words.length - 1;
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            String word = words[slot];
            if (word == null) {
                String made = new String(text, start, length);
                int id = add(-1, made);
                words[slot] = made;
                wordIds[slot] = id;
                if (++wordCount * 2 > words.length) {
                    growWords();
                }
                return id;
            }
            if (word.length() == length && sameChars(word, text, start)) {
                return wordIds[slot];
            }
        }
    }

    private static boolean sameChars(String word, char[] text, int start) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != text[start + i]) {
                return false;
            }
        }
        return true;
    }

    private void growWords() {
        String[] oldWords = words;
        int[] oldIds = wordIds;
        words = new String[oldWords.length * 2];
        wordIds = new int[oldWords.length * 2];
        int mask = words.length - 1;
        for (int i = 0; i < oldWords.length; i++) {
            if (oldWords[i] != null) {
                int hash = oldWords[i].hashCode();
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (words[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                words[slot] = oldWords[i];
                wordIds[slot] = oldIds[i];
            }
        }
    }

    private int add(int codePoint, String text) {
        if (size == MAX_UNITS) {
            // Unreachable within any heap this tool runs in (a String or more per unit), but never wrapped.
            throw new IllegalStateException("more than " + MAX_UNITS + " distinct words in one search segment");
        }
        if (size == codePoints.length) {
            codePoints = Arrays.copyOf(codePoints, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
        }
        codePoints[size] = codePoint;
        texts[size] = text;
        return size++;
    }
}
