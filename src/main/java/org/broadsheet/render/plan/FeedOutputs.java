package org.broadsheet.render.plan;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.broadsheet.render.feed.Feed;
import org.broadsheet.render.feed.FeedWriter;

/**
 * A feed's three formats, made only when what the feed reads changed: building a feed reads every listed
 * story's body from the body store and escapes it three times, for each bureau, on every rebuild.
 */
final class FeedOutputs {
    private FeedOutputs() {
    }

    static void add(Plan plan, String dir, Supplier<Feed> build, Supplier<String> inputs) {
        Supplier<Feed> feed = once(build); // three formats of one feed: its items are built once
        Supplier<String> sharedInputs = once(inputs);
        plan.add(TextOutput.keyed(dir + FeedWriter.RSS, () -> FeedWriter.rss(feed.get()), sharedInputs));
        plan.add(TextOutput.keyed(dir + FeedWriter.ATOM, () -> FeedWriter.atom(feed.get()), sharedInputs));
        plan.add(TextOutput.keyed(dir + FeedWriter.JSON, () -> FeedWriter.json(feed.get()), sharedInputs));
    }

    /** A supplier that computes its value on first use, once, even when asked from several threads. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            synchronized (value) {
                if (value.get() == null) {
                    value.set(supplier.get());
                }
                return value.get();
            }
        };
    }
}
