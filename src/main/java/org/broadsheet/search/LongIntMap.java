package org.broadsheet.search;

import java.util.Arrays;

/**
 * Non-negative long keys to dense ids 0, 1, 2… in the order they were first seen; open addressing in two flat
 * arrays. A segment looks up every pair of neighbouring units it holds (millions), and a map of boxed or String
 * keys spent most of indexing's time chasing pointers and most of its garbage on the keys.
 */
final class LongIntMap {
    private long[] keys;
    private int[] ids;
    private int mask;
    private int shift;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
        Arrays.fill(ids, -1);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    int size() {
        return size;
    }

    /** The id of {@code key}, or -1 when absent. */
    int get(long key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            int id = ids[slot];
            if (id < 0 || keys[slot] == key) {
                return id;
            }
        }
    }

    /** The id of {@code key}, given the next free id when it is new (see {@link #size()} before and after). */
    int idOf(long key) {
        int slot = slot(key);
        while (true) {
            int id = ids[slot];
            if (id < 0) {
                break;
            }
            if (keys[slot] == key) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ids[slot] = size;
        if (++size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** Every key, by its id. */
    long[] keysById() {
        long[] byId = new long[size];
        for (int slot = 0; slot < keys.length; slot++) {
            if (ids[slot] >= 0) {
                byId[ids[slot]] = keys[slot];
            }
        }
        return byId;
    }

    private int slot(long key) {
        // Fibonacci hashing: the product's top bits depend on all of the key's bits.
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        Arrays.fill(ids, -1);
        mask = keys.length - 1;
        shift--;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] >= 0) {
                int slot = slot(oldKeys[i]);
                while (ids[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }
}
