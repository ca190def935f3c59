package org.broadsheet.build;

import java.util.List;
import java.util.Map;
import org.broadsheet.cache.LastBuild;
import org.broadsheet.problem.Problem;

/**
 * What a build did. {@code outcome} says whether the site was published; {@code problems} holds every
 * error and warning, sorted.
 *
 * @param stageMillis  wall time per pipeline stage, in the order they ran
 * @param changedFiles the output paths this build wrote or removed, sorted (none unless published)
 */
public record BuildResult(Outcome outcome, List<Problem> problems, Stats stats, Map<String, Long> stageMillis,
        List<String> changedFiles) {

    /** The result of a build whose inputs are those of the last one, with its output untouched since. */
    static BuildResult upToDate(LastBuild.Summary last, Map<String, Long> stageMillis) {
        return new BuildResult(Outcome.PUBLISHED, last.problems(), new Stats(last.issues(), last.pages(),
                last.articles(), last.bureaus(), 0, last.files(), 0, last.files(), 0, 0,
                "no input changed since the last build"), stageMillis, List.of());
    }

    public enum Outcome {
        /** Published (possibly without failing articles, under --keep-going). */
        PUBLISHED,
        /** Errors in content, theme or config: nothing was published. */
        FAILED,
        /** Another build holds the site's lock. */
        LOCKED,
        /** The output folder is unsafe to publish into. */
        OUTPUT_REFUSED,
        /**
         * Stopped before publishing because a newer change came in (only when the caller asked for that, as
         * {@code serve} does): nothing was published, and the next build takes up every change.
         */
        SUPERSEDED
    }

    /**
     * Counts for the summary line and the benchmark.
     *
     * @param bureaus       bureaus that filed at least one published story
     * @param filesRendered files rendered (or copied) by this build
     * @param filesKept     files the build cache showed to be current, so they were not rendered
     * @param fromCache     articles taken from the build cache without reading their files
     * @param cacheNote     why the build cache could not be used, when it could not; empty otherwise
     */
    public record Stats(int issues, int pages, int articles, int bureaus, int filesRendered, int filesKept, int written,
            int unchanged, int removed, int fromCache, String cacheNote) {
        public static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "");
    }

    public BuildResult {
        problems = List.copyOf(problems);
        changedFiles = List.copyOf(changedFiles);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }
}
