package org.broadsheet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** File-system calls on many threads: every task runs, and the first failure reaches the caller. */
class IoPoolTest {
    @Test
    void everyItemIsHandledEvenWhenTheQueueOverflows() throws IOException {
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();

        IoPool.forEach(items, seen::add);

        assertThat(seen).hasSize(5_000);
    }

    @Test
    void stepsSubmittedFromManyThreadsRunOnceEachShortLastBatchIncluded() throws Exception {
        // Steps are handed to the threads in batches: whichever thread submitted them, and however many are left
        // over for the last batch (10,007 is no multiple of a batch), each runs exactly once.
        int threads = 7;
        int perThread = 1_429;
        int extra = 10_007 - threads * perThread;
        AtomicIntegerArray runs = new AtomicIntegerArray(10_007);
        IoPool pool = new IoPool();
        List<Thread> submitters = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * perThread;
            submitters.add(new Thread(() -> {
                for (int i = first; i < first + perThread; i++) {
                    int item = i;
                    pool.submit(() -> runs.incrementAndGet(item));
                }
            }));
        }
        submitters.forEach(Thread::start);
        for (Thread submitter : submitters) {
            submitter.join();
        }
        for (int i = threads * perThread; i < threads * perThread + extra; i++) {
            int item = i;
            pool.submit(() -> runs.incrementAndGet(item));
        }
        pool.finish();

        assertThat(IntStream.range(0, runs.length()).filter(i -> runs.get(i) != 1).boxed().toList()).isEmpty();
    }

    @Test
    void whenTheDiskIsBehindTheSubmitterWritesTooSoStepsNeverPileUp() throws Exception {
        CountDownLatch disk = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicIntegerArray runs = new AtomicIntegerArray(1_000);
        IoPool pool = new IoPool();
        Thread renderer = new Thread(() -> {
            for (int i = 0; i < runs.length(); i++) {
                int item = i;
                pool.submit(() -> {
                    try {
                        disk.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    runs.incrementAndGet(item);
                });
                accepted.incrementAndGet();
            }
        });
        renderer.start();
        // Every I/O thread waits on the "disk", the waiting steps reach their limit, and the renderer, writing a
        // step itself, waits too: it has handed over some eighty steps, not a thousand.
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (renderer.getState() != Thread.State.WAITING && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(renderer.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(accepted.get()).isBetween(64, 100);
        disk.countDown();
        renderer.join();
        pool.finish();

        assertThat(IntStream.range(0, runs.length()).filter(i -> runs.get(i) != 1).boxed().toList()).isEmpty();
    }

    @Test
    void aFailureIsThrownByFinishWithItsOwnType() {
        IoPool pool = new IoPool();
        pool.submit(() -> {
            throw new NoSuchFileException("public/2025/12/12/index.html");
        });

        assertThatThrownBy(pool::finish).isInstanceOf(NoSuchFileException.class)
                .hasMessage("public/2025/12/12/index.html");
    }

    @Test
    void anUncheckedFailureIsThrownAsIs() {
        IoPool pool = new IoPool();
        pool.submit(() -> {
            throw new IllegalStateException("坏了");
        });

        assertThatThrownBy(pool::finish).isInstanceOf(IllegalStateException.class).hasMessage("坏了");
    }
}
