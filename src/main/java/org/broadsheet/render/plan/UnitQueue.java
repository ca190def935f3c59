package org.broadsheet.render.plan;

import java.util.List;

/**
 * Hands out the units of work of a render to the threads that produce them, each taking the next when it is done,
 * so that a long unit never leaves other threads idle behind it. Batches (a search segment's files: one long
 * indexing, then its files) are started first, so that none is left to run alone at the end; but only one at a
 * time while other units remain, since each holds a segment's index in memory while it runs.
 */
final class UnitQueue {
    private final List<List<Output>> batches;
    private final List<List<Output>> others;
    private int nextBatch;
    private int nextOther;
    private int batchesRunning;

    UnitQueue(List<List<Output>> batches, List<List<Output>> others) {
        this.batches = batches;
        this.others = others;
    }

    /** A unit taken from the queue; {@link #done} must be called when it is produced. */
    record Taken(List<Output> outputs, boolean batch) {
    }

    /** The next unit to produce, or null when none is left. */
    synchronized Taken take() {
        boolean othersLeft = nextOther < others.size();
        if (nextBatch < batches.size() && (batchesRunning == 0 || !othersLeft)) {
            batchesRunning++;
            return new Taken(batches.get(nextBatch++), true);
        }
        if (othersLeft) {
            return new Taken(others.get(nextOther++), false);
        }
        return null;
    }

    synchronized void done(Taken taken) {
        if (taken.batch()) {
            batchesRunning--;
        }
    }

    /** How many units there are in all. */
    int size() {
        return batches.size() + others.size();
    }
}
