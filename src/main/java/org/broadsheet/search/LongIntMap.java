package org.broadsheet.search;

/**
 * Non-negative long keys to dense ids 0, 1, 2… in the order they were first seen, by open addressing in one flat
 * array that holds each key next to its id + 1 (0: a free slot), so that a lookup reads one cache line and boxes
 * nothing: {@link UnitTable}'s code points beyond the BMP.
 */
final class LongIntMap {
    /** Slot s: its key at 2s, its id + 1 at 2s + 1. */
    private long[] slots;
    private int mask;
    private int shift;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity * 2];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    int size() {
        return size;
    }

    /** The id of {@code key}, given the next free id when it is new (see {@link #size()} before and after). */
    int idOf(long key) {
        int slot = slot(key);
        while (true) {
            long id = slots[2 * slot + 1];
            if (id == 0) {
                break;
            }
            if (slots[2 * slot] == key) {
                return (int) id - 1;
            }
            slot = (slot + 1) & mask;
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = ++size;
        if (size * 2 > mask + 1) {
            grow();
        }
        return size - 1;
    }

    private int slot(long key) {
        // Fibonacci hashing: the product's top bits depend on all of the key's bits.
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = mask * 2 + 1;
        shift--;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = slot(old[i]);
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
    }
}
