package org.broadsheet.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's entries through one build: those its file held when the build started ({@code previous}, never
 * changed), and those the build used as they were or learnt anew, which are what it saves. An entry the build
 * did not use is forgotten: its file is gone, or was changed and read again. Thread-safe for the build's
 * workers.
 *
 * @param <V> one remembered file
 */
final class KeptEntries<V> {
    private Map<String, V> previous;
    private final Map<String, V> current;
    private volatile boolean learnt;

    /** @param previous what the file on disk holds; not copied, and not changed */
    KeptEntries(Map<String, V> previous) {
        this.previous = previous;
        this.current = new ConcurrentHashMap<>(Math.max(16, previous.size())); // a rebuild uses most of them
    }

    /** What the file held for {@code key}; null when nothing. */
    V previous(String key) {
        return previous.get(key);
    }

    /** Keeps {@code entry}, one that the file held, for the next build. */
    void keep(String key, V entry) {
        current.put(key, entry);
    }

    /** Remembers a new {@code entry} for the next build. */
    void learn(String key, V entry) {
        current.put(key, entry);
        learnt = true;
    }

    /** Says that what is on disk no longer matches {@code previous}, even if the entries stay the same. */
    void changed() {
        learnt = true;
    }

    /**
     * Whether saving would write exactly what the file held: nothing was learnt, and every entry it held was
     * kept (the build kept only entries it held, so equal counts mean the same keys).
     */
    boolean unchanged() {
        return !learnt && current.size() == previous.size();
    }

    /** The entries to save, in no particular order. */
    List<Map.Entry<String, V>> entries() {
        return List.copyOf(current.entrySet());
    }

    /** The entries to save, in no particular order, for a store whose entries know their own keys. */
    List<V> values() {
        return List.copyOf(current.values());
    }

    /** Drops both generations from memory: a hundred thousand entries need not stay on the heap. */
    void clear() {
        previous = Map.of();
        current.clear();
    }
}
