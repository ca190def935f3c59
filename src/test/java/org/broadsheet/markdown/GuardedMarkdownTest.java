package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A hostile article fails alone, with a reason, instead of taking the build down. */
class GuardedMarkdownTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    /** Appended to a test's text to send it to a worker: past what a caller renders itself. */
    private static final String LONG = "\n\n" + "长".repeat(InputLimits.MAX_DELIMITER_RUNS);

    /** An engine whose behaviour a test chooses; renders ordinary text as a paragraph. */
    private record FakeEngine(UnaryOperator<String> behaviour) implements MarkdownEngine {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Rendered render(String markdown) {
            return new Rendered(markdown.startsWith("#") ? "<h1>warm</h1>" : behaviour.apply(markdown), List.of());
        }
    }

    private static GuardedMarkdown.Outcome renderOnThread(GuardedMarkdown guarded, String markdown, long stackBytes)
            throws InterruptedException {
        AtomicReference<GuardedMarkdown.Outcome> outcome = new AtomicReference<>();
        Thread caller = new Thread(null, () -> outcome.set(guarded.render(markdown)), "small-stack", stackBytes);
        caller.start();
        caller.join();
        return outcome.get();
    }

    private static void awaitIdle(GuardedMarkdown guarded) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (guarded.busyWorkers() > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(guarded.busyWorkers()).isZero();
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void deepNestingIsThatArticlesError(EngineName engine) throws InterruptedException {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        GuardedMarkdown.Outcome outcome = renderOnThread(guarded, ">".repeat(50_000) + " 深\n", 128 * 1024);
        assertThat(outcome).isNotNull();
        assertThat(outcome.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("nested"));
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void theCallersStackDoesNotMatterTheWorkersRender(EngineName engine) throws InterruptedException {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        String deepest = ">".repeat(InputLimits.MAX_NESTING) + " 深\n";
        GuardedMarkdown.Outcome outcome = renderOnThread(guarded, deepest, 128 * 1024);
        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.html().split("<blockquote>", -1)).hasSize(InputLimits.MAX_NESTING + 1);
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void oversizedInputIsRefusedBeforeParsing(EngineName engine) {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        GuardedMarkdown.Outcome outcome = guarded.render("字".repeat(GuardedMarkdown.MAX_CHARS + 1));
        assertThat(outcome.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("limit"));
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void ordinaryArticlesRender(EngineName engine) {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        assertThat(guarded.render("近日，包头市开展普法活动。\n").html()).isEqualTo("<p>近日，包头市开展普法活动。</p>\n");
        assertThat(guarded.deadline()).isEqualTo(GuardedMarkdown.DEFAULT_DEADLINE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRenderPastTheDeadlineFailsAndIsStopped(boolean onWorker) throws InterruptedException {
        // Like the real engines: busy, but reading its input through Interruptible.
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> {
            ranOn.set(Thread.currentThread());
            CharSequence input = Interruptible.chars(markdown);
            for (long i = 0; ; i++) {
                input.charAt((int) (i % input.length()));
            }
        }), SHORT);
        long start = System.nanoTime();
        GuardedMarkdown.Outcome outcome = guarded.render("永远\n" + (onWorker ? LONG : ""));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(outcome.failure()).hasValue("the fake engine took longer than 300 ms to render this Markdown, "
                + "and was stopped");
        assertThat(outcome.html()).isEmpty();
        assertThat(tookMillis).isBetween(250L, 10_000L);
        assertThat(ranOn.get() == Thread.currentThread()).isEqualTo(!onWorker);
        // The watchdog's interrupt was for the render alone: the caller goes on uninterrupted.
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        awaitIdle(guarded); // the interrupt reached the engine: its worker is free again
    }

    @Test
    void rendersThatIgnoreTheInterruptHoldTheirWorkerAndThePoolStaysBounded() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> {
            if (markdown.startsWith("stuck")) {
                while (release.getCount() > 0) {
                    Thread.onSpinWait(); // deaf to interrupts, like a loop that reads no input
                }
            }
            return "<p>" + markdown.substring(0, 2) + "</p>\n";
        }), SHORT, 2);
        assertThat(guarded.render("stuck 1\n" + LONG).failure())
                .hasValueSatisfying(r -> assertThat(r).contains("longer"));
        assertThat(guarded.render("stuck 2\n" + LONG).failure())
                .hasValueSatisfying(r -> assertThat(r).contains("longer"));
        assertThat(guarded.busyWorkers()).isEqualTo(2);
        // Both workers are held: the next long article fails after its deadline instead of starting a third thread.
        assertThat(guarded.render("正文\n" + LONG).failure()).hasValue("no Markdown worker became free within "
                + "300 ms: all 2 are still busy with earlier articles that took too long");
        // A story of the usual size needs no worker.
        assertThat(guarded.render("正文\n").html()).isEqualTo("<p>正文</p>\n");
        release.countDown();
        awaitIdle(guarded);
        assertThat(guarded.render("正文\n" + LONG).html()).isEqualTo("<p>正文</p>\n");
    }

    @Test
    void aStackOverflowIsThatArticlesErrorAndTheWorkerSurvives() {
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> markdown.startsWith("deep")
                ? recurse(markdown) : "<p>ok</p>\n"), SHORT.multipliedBy(20), 1);
        assertThat(guarded.render("deep\n").failure()).hasValue("Markdown nested too deeply for the fake engine");
        assertThat(guarded.render("deep\n" + LONG).failure())
                .hasValue("Markdown nested too deeply for the fake engine");
        assertThat(guarded.render("正文\n").html()).isEqualTo("<p>ok</p>\n");
        assertThat(guarded.render("正文\n" + LONG).html()).isEqualTo("<p>ok</p>\n");
    }

    private static String recurse(String markdown) {
        return recurse(markdown + "") + "!";
    }

    @Test
    void aStoryThatOverflowsItsCallersStackRendersOnAWorker() throws InterruptedException {
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> {
            threads.add(Thread.currentThread().getName());
            return descend(20_000); // some MB of stack: more than the caller's 256 KB, less than a worker's
        }), SHORT.multipliedBy(20), 1);
        GuardedMarkdown.Outcome outcome = renderOnThread(guarded, "正文\n", 256 * 1024);
        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.html()).isEqualTo("<p>20000</p>\n");
        assertThat(threads).hasSize(2);
        assertThat(threads.get(0)).isEqualTo("small-stack");
        assertThat(threads.get(1)).startsWith("broadsheet-markdown-fake-");
    }

    private static String descend(int depth) {
        long[] frame = new long[4]; // a little weight per frame, as a parser's locals
        frame[depth & 3] = depth;
        return depth == 0 ? "<p>" : descend(depth - 1) + (frame[depth & 3] == 20_000 ? "20000</p>\n" : "");
    }

    @Test
    void anyOtherFailureOfTheEngineIsContainedAndNamed() {
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> {
            if (markdown.startsWith("bug")) {
                throw new IllegalStateException("boom");
            }
            if (markdown.startsWith("oom")) {
                throw new OutOfMemoryError("test");
            }
            return "<p>ok</p>\n";
        }), SHORT.multipliedBy(20), 1);
        assertThat(guarded.render("bug\n").failure())
                .hasValue("the fake engine failed on this Markdown: java.lang.IllegalStateException: boom");
        assertThat(guarded.render("oom\n").failure()).hasValue("the fake engine ran out of memory on this Markdown");
        assertThat(guarded.render("正文\n").html()).isEqualTo("<p>ok</p>\n");
    }

    @Test
    void storiesRenderOnTheirCallerAndLongBodiesOnDaemonWorkers() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> {
            worker.set(Thread.currentThread());
            return "";
        }));
        guarded.render("正文\n");
        assertThat(worker.get()).isSameAs(Thread.currentThread());
        guarded.render("正文\n" + LONG);
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
        assertThat(worker.get().isDaemon()).isTrue();
        assertThat(worker.get().getName()).startsWith("broadsheet-markdown-fake-");
        // So do bodies of many brackets, whose link parsing is quadratic.
        guarded.render("[a]".repeat(InputLimits.MAX_OPEN_BRACKETS + 1));
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aForkJoinPoolRunsItsOtherTasksWhileOneWaitsForItsRender() throws Exception {
        // The render of "first" ends only once "second" was rendered. On a pool of one thread, "second" can start
        // before "first" ends only if the pool is told that its thread is waiting for a worker.
        java.util.concurrent.CountDownLatch secondRendered = new java.util.concurrent.CountDownLatch(1);
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> {
            if (markdown.startsWith("first")) {
                try {
                    return secondRendered.await(2, TimeUnit.SECONDS) ? "<p>after second</p>\n" : "<p>alone</p>\n";
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            secondRendered.countDown();
            return "<p>second</p>\n";
        }));
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(1);
        try {
            java.util.concurrent.Future<GuardedMarkdown.Outcome> first =
                    pool.submit(() -> guarded.render("first\n" + LONG));
            java.util.concurrent.Future<GuardedMarkdown.Outcome> second =
                    pool.submit(() -> guarded.render("second\n" + LONG));
            assertThat(first.get().html()).isEqualTo("<p>after second</p>\n");
            assertThat(second.get().html()).isEqualTo("<p>second</p>\n");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theWatchdogsInterruptNeverOutlivesTheRender() {
        // Renders of 0 to 2 ms against a deadline of 1 ms: the watchdog often fires as a render ends. Whichever
        // way each race goes, the outcome is the HTML or "took longer", and the caller is left uninterrupted.
        java.util.Random random = new java.util.Random(7);
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> {
            CharSequence input = Interruptible.chars(markdown);
            long until = System.nanoTime() + Long.parseLong(markdown.strip()) * 1_000;
            while (System.nanoTime() < until) {
                for (int i = 0; i < 4096; i++) {
                    input.charAt(0);
                }
            }
            return "<p>done</p>\n";
        }), Duration.ofMillis(1));
        int stopped = 0;
        for (int i = 0; i < 3_000; i++) {
            GuardedMarkdown.Outcome outcome = guarded.render(random.nextInt(2_000) + "\n");
            assertThat(Thread.currentThread().isInterrupted()).as("render %d", i).isFalse();
            if (outcome.failure().isPresent()) {
                assertThat(outcome.failure().get()).contains("took longer than 1 ms");
                stopped++;
            } else {
                assertThat(outcome.html()).isEqualTo("<p>done</p>\n");
            }
        }
        assertThat(stopped).isPositive();
    }

    @Test
    void anInterruptedCallerGetsAFailureAndKeepsItsInterrupt() {
        GuardedMarkdown guarded = new GuardedMarkdown(new FakeEngine(markdown -> "<p>ok</p>\n"));
        Thread.currentThread().interrupt();
        try {
            assertThat(guarded.render("正文\n").failure()).hasValueSatisfying(r -> assertThat(r).contains("interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aDeadlineMustBePositive() {
        MarkdownEngine engine = new FakeEngine(markdown -> "");
        assertThatThrownBy(() -> new GuardedMarkdown(engine, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GuardedMarkdown(engine, SHORT, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void oneInstanceIsSharedSafelyByManyThreads(EngineName engine) throws Exception {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        MarkdownEngine plain = MarkdownEngines.create(engine, HtmlPolicy.STRIP);
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            articles.add("# 标题" + i + "\n\n第" + i + "段 *强调* [链接](https://example.org/" + i + ")\n\n> 引文" + i
                    + "\n\n| 甲 | 乙 |\n| --- | --- |\n| " + i + " | x |\n\n注[^1]\n\n[^1]: 脚注" + i + "\n");
        }
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<GuardedMarkdown.Outcome>> outcomes = new ArrayList<>();
            for (String article : articles) {
                outcomes.add(callers.submit(() -> guarded.render(article)));
            }
            for (int i = 0; i < articles.size(); i++) {
                GuardedMarkdown.Outcome outcome = outcomes.get(i).get(60, TimeUnit.SECONDS);
                assertThat(outcome.failure()).isEmpty();
                assertThat(outcome.html()).isEqualTo(plain.render(articles.get(i)).html());
                assertThat(outcome.targets()).isEqualTo(plain.render(articles.get(i)).targets());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
