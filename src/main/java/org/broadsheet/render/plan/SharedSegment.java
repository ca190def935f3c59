package org.broadsheet.render.plan;

import java.util.function.Function;
import java.util.function.Supplier;
import org.broadsheet.search.SegmentFiles;

/**
 * A segment's files, made once for all the outputs that publish them and forgotten when each has taken its own:
 * a cold build of a large archive indexes many segments, and holding every one until the end would hold the
 * whole index in memory.
 */
final class SharedSegment {
    private final Supplier<SegmentFiles> make;
    private int untaken;
    private SegmentFiles files;

    SharedSegment(Supplier<SegmentFiles> make, int fileCount) {
        this.make = make;
        this.untaken = fileCount;
    }

    synchronized <T> T take(Function<SegmentFiles, T> file) {
        SegmentFiles current = files == null ? make.get() : files;
        T text = file.apply(current);
        untaken--;
        if (untaken > 0) {
            files = current;
        } else {
            files = null;
            current.release().run(); // every file is made: the next segment may have its arrays
        }
        return text;
    }

    /** A value computed on first use, once, even when asked from several threads. */
    static final class Once<T> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}
