package org.broadsheet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads that do nothing but file-system calls. Creating a file or a folder is a wait, not work: on the
 * 2-core build machine one thread creates about 1,000 files a second, sixteen threads together about 6,000
 * (measured with parallel processes creating empty files). So files are written by many more threads than
 * there are cores, while rendering keeps to one thread per core.
 *
 * <p>Steps are handed over {@value #BATCH} at a time: each hand-over to an idle thread wakes it, which costs more
 * than creating a file where files are quick to create (tmpfs; bench/README.md). The steps wait in
 * a queue until there are enough for a batch, and any thread takes the next ones. At most {@link #MAX_WAITING}
 * wait: past that the submitting thread runs a batch itself, so rendered pages never pile up in memory (what
 * waits at a young collection is promoted, and a segment's shards are 100 KB each). The first failure is kept
 * and thrown by {@link #finish()}, which also runs the last, short batch.
 */
public final class IoPool {
    /** How many file-system calls may be waiting at once. */
    private static final int THREADS = 16;
    /** Steps per hand-over to a thread. */
    private static final int BATCH = 8;
    /** Steps waiting for a thread at most, as many as the queue of single steps held before batches. */
    private static final int MAX_WAITING = 4 * THREADS;

    /** One file-system step that may fail. */
    @FunctionalInterface
    public interface IoTask {
        void run() throws IOException;
    }

    /** One file-system step for each item of a collection. */
    @FunctionalInterface
    public interface IoAction<T> {
        void accept(T item) throws IOException;
    }

    private final ThreadPoolExecutor executor;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Queue<IoTask> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicInteger submitted = new AtomicInteger();

    public IoPool() {
        // Its queue holds batches to run, small and at most one per BATCH steps; MAX_WAITING bounds the steps.
        executor = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "broadsheet-io");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code task} on an I/O thread, or on the caller's thread when too many steps wait. */
    public void submit(IoTask task) {
        if (failure.get() != null) {
            return; // the build is failing anyway; do not pile more work on a full disk
        }
        waiting.add(task);
        if (waitingCount.incrementAndGet() > MAX_WAITING) {
            runBatch(); // the disk is behind: this thread writes too
        } else if (submitted.incrementAndGet() % BATCH == 0) {
            executor.execute(this::runBatch);
        }
    }

    /** Runs up to {@link #BATCH} waiting steps, whichever submitted them. */
    private void runBatch() {
        for (int i = 0; i < BATCH; i++) {
            IoTask task = waiting.poll();
            if (task == null) {
                return;
            }
            waitingCount.decrementAndGet();
            try {
                task.run();
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Waits for every submitted task; throws the first failure. The pool cannot be used afterwards. */
    public void finish() throws IOException {
        // The steps of the last, short batch (and any that no batch took yet): every submitter is done by now, so
        // the count only falls, and batches enough for it are handed over.
        for (int left = waitingCount.get(); left > 0; left -= BATCH) {
            executor.execute(this::runBatch);
        }
        executor.shutdown();
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // Keep waiting: a slow disk is not a reason to publish half a site.
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing files", e);
        }
        Throwable first = failure.get();
        if (first instanceof IOException io) {
            throw io;
        } else if (first instanceof UncheckedIOException unchecked) {
            throw unchecked.getCause();
        } else if (first instanceof RuntimeException runtime) {
            throw runtime;
        } else if (first instanceof Error error) {
            throw error;
        }
    }

    /** Runs {@code action} on every item with a fresh pool and waits for all of them. */
    public static <T> void forEach(Collection<T> items, IoAction<T> action) throws IOException {
        IoPool pool = new IoPool();
        for (T item : items) {
            pool.submit(() -> action.accept(item));
        }
        pool.finish();
    }
}
