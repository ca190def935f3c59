package org.broadsheet.markdown;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.io.DeadlineWatchdog;

/**
 * Renders through an engine but keeps one hostile article from taking the build down. Whatever the input,
 * {@link #render} returns: the HTML, or that article's failure with a reason. It never hangs and never
 * throws.
 *
 * <ol>
 *   <li>Before parsing, {@link InputLimits} refuses oversized input and absurd nesting of block quotes, lists,
 *       brackets and emphasis (one cheap pass over the text).</li>
 *   <li>A story of the usual size ({@link InputLimits#cannotOverrun}: at most 10,000 chars and 500 brackets)
 *       renders on the caller's thread under a {@link DeadlineWatchdog}, which interrupts it at the deadline.
 *       The engines' loops that the interrupt cannot reach are quadratic at worst, which at that size is a
 *       fraction of a second, so such a render cannot hold its caller for long. Handing each story to a worker
 *       and back woke a thread on the other core twice per story, one of a cold build's largest costs
 *       (bench/README.md, "Stories rendered on their caller's thread"). A {@link StackOverflowError} on the
 *       caller's stack, which may be small, sends the story to a worker.</li>
 *   <li>Anything longer renders on a worker thread with a large stack ({@link #WORKER_STACK_BYTES}): nesting
 *       that overflows a default stack (flexmark-java overflows on about 1,000 nested {@code >}) renders fine
 *       there, and deeper recursion still ends in a {@link StackOverflowError} that becomes this article's
 *       error. The caller waits at most the deadline (5 s unless configured), then gives up, interrupts the
 *       worker and reports "took longer than".</li>
 * </ol>
 *
 * <p>Neither engine checks for interruption on its own; they read their input and write their output through
 * {@link Interruptible}, which does, so a stopped render ends within milliseconds in nearly every case.
 *
 * <p><b>The workers, and the trade-off.</b> Java cannot safely kill a thread, so a render on a worker that
 * ignores the interrupt (an engine busy in a loop that reads no input and writes no output) keeps its thread
 * until it finishes by itself. Starting a fresh thread for every render would let a folder of hostile articles
 * pile up busy threads without bound; a fixed pool with a queue would let them occupy every worker while the
 * honest articles wait in the queue for ever. So the workers are a small pool ({@link #DEFAULT_WORKERS},
 * daemon threads, so a stuck one never keeps the JVM alive) and a semaphore counts renders until they really
 * end, not until the caller gave up: while abandoned renders hold workers, fewer remain, and once all are
 * held, further long articles fail after their deadline with a message saying so, instead of more threads
 * being started. The input limits make that state hard to reach: they bound exactly the loops the interrupt
 * cannot reach. Idle workers and the watchdog's thread end after a few seconds, so an instance needs no
 * closing.
 *
 * <p>Thread-safe; build one per build and share it between all threads.
 */
public final class GuardedMarkdown {
    /** Far above any newspaper story (a long one is 20 KB); see {@link InputLimits} for the other limits. */
    public static final int MAX_CHARS = InputLimits.MAX_CHARS;
    /** How long one article may take to render. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);
    /** Each worker's stack: virtual memory, committed only as deep recursion touches it. */
    static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;
    /** Renders that may run at once, abandoned ones included. */
    static final int DEFAULT_WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final long IDLE_WORKER_SECONDS = 5;
    /** Touches every construct once, so each engine class is loaded and initialised on a shallow stack. */
    private static final String WARM_UP = """
            # 标题

            正文 *强调* **加粗** ~~删除~~ `代码` [链接](https://example.org/ "题") ![图](a.jpg) <b>x</b> &amp;
            https://example.org/ <https://example.org/> 注[^1]

            > 引文
            > - 列表
            >   1. 有序

            | 甲 | 乙 |
            | --- | :-: |
            | 1 | 2 |

            ```text
            代码块
            ```

                缩进代码

            <div>块</div>

            ![图注](b.jpg "图注")

            [^1]: 脚注
            [r]: https://example.org/
            """;
    private static final AtomicInteger WORKER_NUMBERS = new AtomicInteger();

    private final MarkdownEngine engine;
    private final Duration deadline;
    private final int workers;
    private final Semaphore slots;
    private final ThreadPoolExecutor executor;
    private final DeadlineWatchdog watchdog;

    /** The engine with the default deadline and workers. */
    public GuardedMarkdown(MarkdownEngine engine) {
        this(engine, DEFAULT_DEADLINE);
    }

    /** The engine with another deadline per article (tests use a short one). */
    public GuardedMarkdown(MarkdownEngine engine, Duration deadline) {
        this(engine, deadline, DEFAULT_WORKERS);
    }

    GuardedMarkdown(MarkdownEngine engine, Duration deadline, int workers) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.engine = engine;
        this.deadline = deadline;
        this.workers = workers;
        this.slots = new Semaphore(workers);
        // Never more tasks than workers are in flight (the semaphore sees to it), so the queue holds a task
        // only for the moment between one render's end and its worker taking the next.
        this.executor = new ThreadPoolExecutor(workers, workers, IDLE_WORKER_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), workerFactory(engine.name()));
        executor.allowCoreThreadTimeOut(true);
        // Looks every eighth of the deadline: a stopped story is reported at most an eighth late.
        this.watchdog = new DeadlineWatchdog(deadline, Duration.ofMillis(Math.max(5, Math.min(250,
                deadline.toMillis() / 8))), Duration.ofSeconds(IDLE_WORKER_SECONDS),
                "broadsheet-markdown-" + engine.name() + "-watchdog");
        warmUp(engine);
    }

    public MarkdownEngine engine() {
        return engine;
    }

    /** The per-article deadline. */
    public Duration deadline() {
        return deadline;
    }

    /** Renders still running, abandoned ones included (for tests). */
    int busyWorkers() {
        return workers - slots.availablePermits();
    }

    /**
     * The HTML and the body's {@linkplain MarkdownEngine#render local targets}, or the reason the article
     * could not be rendered (then both are empty).
     */
    public record Outcome(String html, List<LocalTarget> targets, Optional<String> failure) {
        static Outcome ok(Rendered rendered) {
            return new Outcome(rendered.html(), rendered.targets(), Optional.empty());
        }

        static Outcome failed(String reason) {
            return new Outcome("", List.of(), Optional.of(reason));
        }
    }

    /** Renders one article's Markdown; never throws and returns within about twice the deadline. */
    public Outcome render(String markdown) {
        Optional<String> refused = InputLimits.check(markdown);
        if (refused.isPresent()) {
            return Outcome.failed(refused.get());
        }
        if (Thread.currentThread().isInterrupted()) {
            return Outcome.failed("interrupted before rendering the Markdown");
        }
        if (InputLimits.cannotOverrun(markdown)) {
            Optional<Outcome> here = renderHere(markdown);
            if (here.isPresent()) {
                return here.get();
            }
        }
        return renderOnWorker(markdown);
    }

    /**
     * Renders on the caller's thread under the watchdog; empty when the caller's stack overflowed, so that a
     * worker's larger one gets its turn.
     */
    private Optional<Outcome> renderHere(String markdown) {
        DeadlineWatchdog.Watch watch = watchdog.start();
        Rendered rendered = null;
        Throwable failure = null;
        try {
            rendered = engine.render(markdown);
        } catch (Throwable e) { // as a worker's FutureTask catches it: contained to this article
            failure = e;
        }
        boolean stopped = watchdog.finish(watch);
        if (rendered != null) {
            return Optional.of(Outcome.ok(rendered));
        }
        if (stopped) {
            return Optional.of(tookTooLong());
        }
        if (failure instanceof StackOverflowError) {
            return Optional.empty();
        }
        if (failure instanceof Interruptible.Cancelled) {
            return Optional.of(Outcome.failed("interrupted while rendering the Markdown")); // the flag stays set
        }
        return Optional.of(Outcome.failed(describe(failure)));
    }

    private Outcome tookTooLong() {
        return Outcome.failed("the " + engine.name() + " engine took longer than " + describe(deadline)
                + " to render this Markdown, and was stopped");
    }

    /** Renders on a worker with a large stack, waiting at most the deadline for it. */
    private Outcome renderOnWorker(String markdown) {
        try {
            if (!slots.tryAcquire(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.failed("no Markdown worker became free within " + describe(deadline) + ": all "
                        + workers + " are still busy with earlier articles that took too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted before rendering the Markdown");
        }
        FutureTask<Rendered> task = new FutureTask<>(() -> engine.render(markdown));
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    slots.release(); // only now: an abandoned render holds its worker until it really ends
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            return Outcome.failed("could not start a Markdown worker: " + e.getMessage());
        }
        try {
            return Outcome.ok(await(task));
        } catch (TimeoutException e) {
            task.cancel(true); // interrupts the worker: Interruptible then stops the engine
            return tookTooLong();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted while rendering the Markdown");
        } catch (ExecutionException e) {
            return Outcome.failed(describe(e.getCause()));
        }
    }

    /**
     * Waits for {@code task} until the deadline. On a fork-join pool's thread (the build reads articles on one),
     * the wait is a managed block: the pool lets another thread read and parse the next article meanwhile,
     * rather than leave a core idle while its caller waits for the worker (bench/README.md, "The search index's
     * cost, cut again").
     */
    private Rendered await(FutureTask<Rendered> task)
            throws InterruptedException, ExecutionException, TimeoutException {
        Awaiting awaiting = new Awaiting(task, deadline.toNanos());
        ForkJoinPool.managedBlock(awaiting);
        return awaiting.result();
    }

    /** A wait for one render that a fork-join pool can compensate for. */
    private static final class Awaiting implements ForkJoinPool.ManagedBlocker {
        private final FutureTask<Rendered> task;
        private final long nanos;
        private Rendered rendered;
        private Exception failure;

        Awaiting(FutureTask<Rendered> task, long nanos) {
            this.task = task;
            this.nanos = nanos;
        }

        @Override
        public boolean block() throws InterruptedException {
            try {
                rendered = task.get(nanos, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                failure = e;
            }
            return true;
        }

        @Override
        public boolean isReleasable() {
            return false; // block() must run: it is where the outcome is taken
        }

        Rendered result() throws ExecutionException, TimeoutException {
            if (failure instanceof ExecutionException e) {
                throw e;
            }
            if (failure instanceof TimeoutException e) {
                throw e;
            }
            return rendered;
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "Markdown nested too deeply for the " + engine.name() + " engine";
        }
        if (failure instanceof OutOfMemoryError) {
            return "the " + engine.name() + " engine ran out of memory on this Markdown";
        }
        if (failure instanceof Interruptible.Cancelled) {
            return "the " + engine.name() + " engine was stopped";
        }
        // Any other throwable is a bug in an engine; contain it to this article, but say what it was.
        return "the " + engine.name() + " engine failed on this Markdown: " + failure;
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static ThreadFactory workerFactory(String engineName) {
        return runnable -> {
            Thread thread = new Thread(null, runnable,
                    "broadsheet-markdown-" + engineName + "-" + WORKER_NUMBERS.incrementAndGet(), WORKER_STACK_BYTES);
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY);
            return thread;
        };
    }

    /**
     * Renders a small document once on the constructing thread. A {@link StackOverflowError} or an interrupt
     * thrown while a class is being initialised would leave that class unusable for the rest of the JVM; after
     * this, every class the engine needs is initialised before any hostile article reaches it.
     */
    private static void warmUp(MarkdownEngine engine) {
        try {
            engine.render(WARM_UP);
        } catch (RuntimeException e) {
            // The articles will meet the same failure, each reported on its own.
        }
    }
}
