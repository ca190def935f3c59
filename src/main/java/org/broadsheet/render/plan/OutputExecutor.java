package org.broadsheet.render.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.broadsheet.render.OutputClash;
import org.broadsheet.render.OutputPaths;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.problem.Progress;
import org.broadsheet.render.Fingerprints;
import org.broadsheet.render.TemplateEngine;

/**
 * Produces a plan's outputs, in parallel: refuses outputs that clash, keeps an issue's pages at once when the
 * issue's key is unchanged, lets every other output decide with the render memory whether to render, and
 * reports each output's failure as its own problem.
 */
final class OutputExecutor {
    private final ForkJoinPool pool;
    private final Production production;
    private final Progress progress;
    /** Asked before each unit whether to go on; see {@link SiteRenderer.Stopped}. */
    private final BooleanSupplier stop;

    OutputExecutor(ForkJoinPool pool, Production production, Progress progress, BooleanSupplier stop) {
        this.pool = pool;
        this.production = production;
        this.progress = progress;
        this.stop = stop;
    }

    /** Produces every output; returns the number of files written. Failures are reported to {@code problems}. */
    int run(List<Output> outputs, Problems problems) {
        return run(outputs, List.of(), problems);
    }

    /**
     * Produces every output, and each batch's outputs in order on one thread (see {@link UnitQueue}); returns the
     * number of files written. Failures are reported to {@code problems}.
     */
    int run(List<Output> outputs, List<List<Output>> batches, Problems problems) {
        List<Output> all = new ArrayList<>(outputs);
        batches.forEach(all::addAll);
        Set<Output> clear = Collections.newSetFromMap(new IdentityHashMap<>());
        clear.addAll(withoutClashes(all, problems));
        UnitQueue queue = new UnitQueue(
                batches.stream().map(batch -> batch.stream().filter(clear::contains).toList())
                        .filter(batch -> !batch.isEmpty()).toList(),
                units(outputs.stream().filter(clear::contains).toList()));
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean abandoned = new AtomicBoolean();
        Callable<Void> worker = () -> {
            UnitQueue.Taken unit;
            while (!abandoned.get() && (unit = queue.take()) != null) {
                try {
                    if (stop.getAsBoolean()) {
                        throw new SiteRenderer.Stopped();
                    }
                    written.addAndGet(produce(unit.outputs(), problems));
                    progress.advanced(unit.outputs().size());
                } catch (RuntimeException | Error e) {
                    abandoned.set(true);
                    throw e;
                } finally {
                    queue.done(unit);
                }
            }
            return null;
        };
        List<ForkJoinTask<Void>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(pool.getParallelism(), queue.size()); i++) {
            workers.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        for (ForkJoinTask<Void> task : workers) {
            try {
                task.get();
            } catch (InterruptedException e) {
                abandoned.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering", e);
            } catch (ExecutionException e) {
                // The first failure is the one to report; the others stopped because of it.
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime ? runtime // e.g. a damaged build cache
                            : new IllegalStateException("rendering failed", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return written.get();
    }

    /** The outputs of each issue together, in their order, and every other output on its own. */
    private static List<List<Output>> units(List<Output> outputs) {
        Map<IssueGroup, List<Output>> groups = new IdentityHashMap<>();
        List<List<Output>> units = new ArrayList<>();
        for (Output output : outputs) {
            if (output.group().isEmpty()) {
                units.add(List.of(output));
            } else {
                groups.computeIfAbsent(output.group().get(), group -> {
                    List<Output> members = new ArrayList<>();
                    units.add(members);
                    return members;
                }).add(output);
            }
        }
        return units;
    }

    /** Produces a unit: an issue's outputs, a batch or a single output; returns the number of files written. */
    private int produce(List<Output> unit, Problems problems) {
        if (unit.get(0).group().isEmpty()) {
            int written = 0;
            for (Output output : unit) {
                written += attempt(output, problems, () -> output.produce(production)) == Output.Outcome.WRITTEN
                        ? 1 : 0;
            }
            return written;
        }
        IssueGroup group = unit.get(0).group().get();
        String key = Fingerprints.of(unit.stream().map(output -> ((PageOutput) output).template()).distinct()
                .map(production.templates()::fingerprint).collect(Collectors.joining(" ")), group.inputs().get());
        if (production.memory().keepGroup(group.name(), key, unit.stream().map(Output::path).toList())) {
            for (Output output : unit) {
                attempt(output, problems, () -> production.keep(output.path()));
            }
            return 0;
        }
        int written = 0;
        boolean allCurrent = true;
        for (Output output : unit) {
            Output.Outcome outcome = attempt(output, problems, () -> output.produce(production));
            written += outcome == Output.Outcome.WRITTEN ? 1 : 0;
            allCurrent &= outcome != Output.Outcome.FAILED;
        }
        if (allCurrent) {
            production.memory().rememberGroup(group.name(), key);
        }
        return written;
    }

    /** A step of producing an output that may fail on the output's account. */
    @FunctionalInterface
    private interface Step {
        Output.Outcome run() throws IOException, TemplateEngine.RenderFailure;
    }

    /** Runs {@code step}; a failure that is the output's own becomes a problem and {@link Output.Outcome#FAILED}. */
    private static Output.Outcome attempt(Output output, Problems problems, Step step) {
        try {
            return step.run();
        } catch (TemplateEngine.RenderFailure failure) {
            problems.add(failure.problem());
        } catch (OutputClash | IllegalArgumentException clash) {
            problems.add(Problem.error(Path.of(output.path()), 0, 0, clash.getMessage(),
                    "give one of the sources another slug or file name"));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + output.path(), e);
        }
        return Output.Outcome.FAILED;
    }

    /**
     * Two outputs publishing the same file, or files that a case-insensitive or Unicode-normalising file system
     * would merge, are an error naming both sources; neither is published.
     */
    private static List<Output> withoutClashes(List<Output> outputs, Problems problems) {
        Map<String, Output> byKey = new HashMap<>();
        Set<String> clashed = new HashSet<>();
        for (Output output : outputs) {
            String key = OutputPaths.clashKey(output.path());
            Output first = byKey.putIfAbsent(key, output);
            if (first != null) {
                clashed.add(key);
                Output blamed = output.owner().isEmpty() ? first : output;
                Output other = blamed == output ? first : output;
                problems.add(Problem.error(Path.of(blamed.owner().isEmpty() ? blamed.path()
                                : blamed.owner().replaceFirst(" \\(alias .*\\)$", "")), 0, 0,
                        blamed.describe() + " and " + other.describe() + " are both published as " + output.path(),
                        "give one of them another slug, file name or alias"));
            }
        }
        return outputs.stream().filter(output -> !clashed.contains(OutputPaths.clashKey(output.path()))).toList();
    }
}
