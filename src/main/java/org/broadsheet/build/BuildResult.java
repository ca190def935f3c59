package org.broadsheet.build;

import java.util.List;
import java.util.Map;
import org.broadsheet.problem.Problem;

/**
 * What a build did. {@code outcome} says whether the site was published; {@code problems} holds every
 * error and warning, sorted.
 *
 * @param stageMillis wall time per pipeline stage, in the order they ran
 */
public record BuildResult(Outcome outcome, List<Problem> problems, Stats stats, Map<String, Long> stageMillis) {

    public enum Outcome {
        /** Published (possibly without failing articles, under --keep-going). */
        PUBLISHED,
        /** Errors in content, theme or config: nothing was published. */
        FAILED,
        /** Another build holds the site's lock. */
        LOCKED,
        /** The output folder is unsafe to publish into. */
        OUTPUT_REFUSED
    }

    /** Counts for the summary line and the benchmark. */
    public record Stats(int issues, int pages, int articles, int filesRendered, int written, int unchanged,
            int removed) {
        static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0, 0);
    }

    public BuildResult {
        problems = List.copyOf(problems);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }
}
