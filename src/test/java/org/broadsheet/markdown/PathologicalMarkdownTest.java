package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input in the style of cmark's pathological tests (test/pathological_tests.py), scaled to stay under
 * the 1,000,000-character limit, against both engines through {@link GuardedMarkdown}. Each case must finish or
 * fail cleanly within a generous budget: the assertions are about never hanging, never crashing and always
 * explaining, not about speed. Cases that the input limits exist for must be refused before parsing; small
 * cases that are only odd must render.
 *
 * <p>The deadline here is 500 ms (production: 5 s) to keep the suite quick; flexmark-java runs into it on many of
 * these inputs. After each case the test also waits for the worker to be free again: a render the watchdog gave
 * up on must really stop (see {@link Interruptible}), not burn a core in the background.
 */
class PathologicalMarkdownTest {
    private static final Duration DEADLINE = Duration.ofMillis(500);
    /** Deadline, waiting for a worker, and a loaded two-core CI machine: generous on purpose. */
    private static final Duration BUDGET = Duration.ofSeconds(20);
    private static final Duration WORKER_RELEASE = Duration.ofSeconds(15);
    private static final String CLEAN_FAILURE =
            "(?s).*(the limit is|more than the limit of|nested too deeply|took longer than|ran out of memory).*";
    private static final Map<EngineName, GuardedMarkdown> QUICK = new EnumMap<>(EngineName.class);
    private static final Map<EngineName, GuardedMarkdown> PATIENT = new EnumMap<>(EngineName.class);

    static {
        for (EngineName engine : EngineName.values()) {
            QUICK.put(engine, new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP), DEADLINE));
            PATIENT.put(engine, new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP)));
        }
    }

    enum Expect { FINISH_OR_FAIL_CLEANLY, REFUSED, RENDERS }

    record Case(String name, Supplier<String> input, Expect expect, Consumer<String> check) {
        static Case any(String name, Supplier<String> input) {
            return new Case(name, input, Expect.FINISH_OR_FAIL_CLEANLY, result -> { });
        }

        static Case refused(String name, Supplier<String> input, String because) {
            return new Case(name, input, Expect.REFUSED, reason -> assertThat(reason).contains(because));
        }

        static Case renders(String name, Supplier<String> input, Consumer<String> check) {
            return new Case(name, input, Expect.RENDERS, check);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // cmark's pathological cases
                Case.refused("nested strong emphasis *a **a …", () -> "*a **a ".repeat(65_000) + "b"
                        + " a** a*".repeat(65_000), "runs of *, _ or ~"),
                Case.refused("many emphasis closers without openers", () -> "a_ ".repeat(65_000), "runs of"),
                Case.refused("many emphasis openers without closers", () -> "_a ".repeat(65_000), "runs of"),
                Case.refused("many *** runs", () -> "a***".repeat(65_000), "runs of"),
                Case.refused("mismatched openers and closers", () -> "*a_ ".repeat(50_000), "runs of"),
                Case.refused("openers and closers multiple of 3", () -> "a**b" + "c* ".repeat(50_000), "runs of"),
                Case.any("many link closers without openers", () -> "a]".repeat(65_000)),
                Case.refused("many link openers without closers", () -> "[a".repeat(65_000), "brackets nested"),
                Case.refused("link openers and emphasis closers", () -> "[ a_".repeat(50_000), "brackets nested"),
                Case.any("pattern [ (]( repeated", () -> "[ (](".repeat(80_000)),
                Case.refused("pattern ![[]() repeated", () -> "![[]()".repeat(160_000), "brackets nested"),
                Case.refused("nested brackets [[[[", () -> "[".repeat(50_000) + "a" + "]".repeat(50_000),
                        "brackets nested"),
                Case.refused("nested images ![![![", () -> "![".repeat(50_000) + "a" + "](b)".repeat(50_000),
                        "brackets nested"),
                Case.refused("nested block quotes > > >", () -> "> ".repeat(50_000) + "a\n", "nested 50000 deep"),
                Case.refused("1,000 nested block quotes (overflow flexmark on a default stack)",
                        () -> ">".repeat(1_000) + " a\n", "block quotes and lists nested 1000 deep"),
                Case.refused("deeply nested lists by indentation", () -> IntStream.range(0, 200)
                        .mapToObj(i -> "  ".repeat(i) + "* a\n").collect(Collectors.joining()), "nested 51 deep"),
                Case.refused("nested list markers - - -", () -> "- ".repeat(5_000) + "a\n", "nested"),
                Case.refused("nested ordered markers 1. 1.", () -> "1. ".repeat(5_000) + "a\n", "nested"),
                Case.renders("U+0000 in input", () -> "abc\u0000de\u0000\n",
                        html -> assertThat(html).doesNotContain("\u0000").contains("abc\uFFFDde\uFFFD")),
                Case.any("backticks e`e``e```…", () -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i < 1_400; i++) {
                        b.append('e').append("`".repeat(i));
                    }
                    return b.toString();
                }),
                Case.any("unclosed links [a](<b", () -> "[a](<b".repeat(30_000)),
                Case.any("unclosed links [a](b", () -> "[a](b".repeat(30_000)),
                Case.any("unclosed <!--", () -> "</" + "<!--".repeat(240_000)),
                Case.any("unclosed <?", () -> "a <?".repeat(200_000)),
                Case.any("unclosed <![CDATA[", () -> "a <![CDATA[".repeat(80_000)),
                Case.any("many link reference definitions", () -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i < 70_000; i++) {
                        b.append('[').append(i).append("]: u\n");
                    }
                    return b.append("[0] ".repeat(5_000)).toString();
                }),
                // beyond cmark's list
                Case.any("a 1 MB single line", () -> "字a".repeat(499_999)),
                Case.refused("just over the size limit", () -> "a".repeat(GuardedMarkdown.MAX_CHARS + 1), "limit"),
                Case.refused("a 1 MB line of emphasis", () -> "*a* ".repeat(249_999), "runs of"),
                Case.any("emphasis just under the run limit",
                        () -> "a***".repeat(InputLimits.MAX_DELIMITER_RUNS)),
                Case.any("5,000 table columns", () -> "|a".repeat(5_000) + "\n" + "|-".repeat(5_000) + "\n"
                        + "|a".repeat(5_000) + "\n"),
                Case.any("150,000 table rows", () -> "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(150_000)),
                Case.any("20,000 footnotes", () -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < 20_000; i++) {
                        b.append("x[^").append(i).append("]\n");
                    }
                    for (int i = 0; i < 20_000; i++) {
                        b.append("\n[^").append(i).append("]: n\n");
                    }
                    return b.toString();
                }),
                Case.refused("many ~~ runs", () -> "~~a ".repeat(200_000), "runs of"),
                Case.any("many www autolinks", () -> "www.a.b ".repeat(100_000)),
                Case.any("one very long autolink", () -> "https://" + "a.".repeat(450_000) + "b"),
                Case.any("many e-mail autolinks", () -> "a@b.c ".repeat(150_000)),
                Case.any("many entities", () -> "&amp;".repeat(190_000)),
                Case.any("many unclosed tags", () -> "<a ".repeat(300_000)),
                Case.any("many unclosed inline links", () -> "[a](".repeat(200_000)),
                Case.any("many unclosed link titles", () -> "[a](b \"".repeat(120_000)),
                Case.any("many setext headings", () -> "a\n=\n".repeat(250_000)),
                Case.refused("51 nested lists, one over the limit", () -> "- ".repeat(51) + "深\n", "nested 51 deep"),
                Case.renders("50 nested block quotes, the limit", () -> ">".repeat(50) + " 深\n",
                        html -> assertThat(count(html, "<blockquote>")).isEqualTo(50)),
                Case.renders("50 nested lists, the limit", () -> "- ".repeat(50) + "深\n",
                        html -> assertThat(count(html, "<ul>")).isEqualTo(50)),
                Case.renders("50 nested lists by indentation", () -> IntStream.range(0, 50)
                        .mapToObj(i -> "  ".repeat(i) + "* 深\n").collect(Collectors.joining()),
                        html -> assertThat(count(html, "<ul>")).isEqualTo(50)),
                Case.renders("quotes and lists mixed, 50 deep", () -> "> 1. ".repeat(25) + "深\n",
                        html -> assertThat(count(html, "<blockquote>") + count(html, "<ol>")).isEqualTo(50)));
    }

    private static int count(String html, String tag) {
        return html.split(tag, -1).length - 1;
    }

    static Stream<Arguments> engineCases() {
        return Stream.of(EngineName.values()).flatMap(engine -> cases().map(c -> Arguments.of(engine, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("engineCases")
    void finishesOrFailsCleanlyWithinTheBudget(EngineName engine, Case hostile) throws InterruptedException {
        GuardedMarkdown guarded = (hostile.expect() == Expect.RENDERS ? PATIENT : QUICK).get(engine);
        String input = hostile.input().get();
        long start = System.nanoTime();
        GuardedMarkdown.Outcome outcome = guarded.render(input);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome).isNotNull();
        assertThat(took).as("%s: %s took %s", engine, hostile, took).isLessThan(BUDGET);
        switch (hostile.expect()) {
            case REFUSED -> {
                assertThat(outcome.failure()).as("%s: %s", engine, hostile).isPresent();
                hostile.check().accept(outcome.failure().get());
            }
            case RENDERS -> {
                assertThat(outcome.failure()).as("%s: %s", engine, hostile).isEmpty();
                hostile.check().accept(outcome.html());
            }
            case FINISH_OR_FAIL_CLEANLY -> outcome.failure().ifPresent(reason -> assertThat(reason)
                    .as("%s: %s", engine, hostile).matches(CLEAN_FAILURE));
        }
        if (outcome.failure().isPresent()) {
            assertThat(outcome.html()).isEmpty();
        }
        System.out.printf("%-10s %-62s %6d ms  %s%n", engine, hostile, took.toMillis(),
                outcome.failure().orElse("rendered"));

        // A render the watchdog gave up on must really stop, not go on burning a core.
        long waitUntil = System.nanoTime() + WORKER_RELEASE.toNanos();
        while (guarded.busyWorkers() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        assertThat(guarded.busyWorkers()).as("%s: workers still busy after %s", engine, hostile).isZero();
    }

    static Stream<Arguments> storySizedCases() {
        return engineCases().filter(arguments -> ((Case) arguments.get()[1]).expect() != Expect.RENDERS);
    }

    /**
     * Each case cut to the most a story rendered on its caller's thread may have: such a render cannot be
     * abandoned, only interrupted, so the engines' loops the interrupt cannot reach must be short at this size.
     * (The deadline here is 500 ms; such a render must end well within the budget, with or without it.)
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("storySizedCases")
    void cutToAStorysSizeItFinishesOnTheCallerWithinTheBudget(EngineName engine, Case hostile) {
        String whole = hostile.input().get();
        String input = whole.substring(0, Math.min(whole.length(), InputLimits.MAX_DELIMITER_RUNS));
        long start = System.nanoTime();
        GuardedMarkdown.Outcome outcome = QUICK.get(engine).render(input);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("%s: %s took %s", engine, hostile, took).isLessThan(BUDGET);
        outcome.failure().ifPresent(reason -> assertThat(reason).as("%s: %s", engine, hostile).matches(CLEAN_FAILURE));
        assertThat(Thread.currentThread().isInterrupted()).as("%s: %s", engine, hostile).isFalse();
        System.out.printf("%-10s %-62s %6d ms  %s (%s)%n", engine, hostile, took.toMillis(),
                outcome.failure().orElse("rendered"),
                InputLimits.cannotOverrun(input) ? "on the caller" : "on a worker");
    }

    @AfterAll
    static void theEnginesStillWork() {
        for (EngineName engine : EngineName.values()) {
            assertThat(QUICK.get(engine).render("正文 *强调*\n").html()).isEqualTo("<p>正文 <em>强调</em></p>\n");
        }
    }
}
