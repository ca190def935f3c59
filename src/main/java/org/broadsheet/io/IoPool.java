package org.broadsheet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>Steps are handed over {@value #BATCH} at a time: each hand-over to an idle thread wakes it, and a
 * wake-up per file was some 2% of a cold build's CPU where files are quick to create (tmpfs). The steps wait in
 * a queue until there are enough for a batch, and any thread takes the next ones. The executor's queue is
 * bounded and a full queue makes the submitting thread run the batch itself, so rendered pages never pile up in
 * memory. The first failure is kept and thrown by {@link #finish()}, which also runs the last, short batch.
 */
public final class IoPool {
    /** How many file-system calls may be waiting at once. */
    private static final int THREADS = 16;
    /** Steps per hand-over to a thread. */
    private static final int BATCH = 8;

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
    private final AtomicInteger submitted = new AtomicInteger();

    public IoPool() {
        executor = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4 * THREADS), runnable -> {
                    Thread thread = new Thread(runnable, "broadsheet-io");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code task} on an I/O thread, or on the caller's thread when the queue is full. */
    public void submit(IoTask task) {
        if (failure.get() != null) {
            return; // the build is failing anyway; do not pile more work on a full disk
        }
        waiting.add(task);
        if (submitted.incrementAndGet() % BATCH == 0) {
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
            try {
                task.run();
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Waits for every submitted task; throws the first failure. The pool cannot be used afterwards. */
    public void finish() throws IOException {
        // The steps of the last, short batch (and any a busy moment left behind); every submitter is done by now.
        while (!waiting.isEmpty()) {
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
