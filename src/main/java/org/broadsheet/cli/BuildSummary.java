package org.broadsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.problem.Problem;

/**
 * What the terminal is told after a build: every problem as {@code path:line:col: error|warning: message}
 * on stderr, then the one-line summary (and with --verbose the stage timings) or why nothing was published.
 * {@code build} prints it once; {@code serve} after every rebuild.
 */
final class BuildSummary {
    private final PrintWriter out;
    private final PrintWriter err;
    private final BuildOptions options;
    private final boolean quiet;
    private final boolean verbose;

    BuildSummary(PrintWriter out, PrintWriter err, BuildOptions options, boolean quiet, boolean verbose) {
        this.out = out;
        this.err = err;
        this.options = options;
        this.quiet = quiet;
        this.verbose = verbose;
    }

    void print(BuildResult result, long millis) {
        Path cwd = Path.of("").toAbsolutePath();
        for (Problem problem : result.problems()) {
            err.println(ProblemPrinter.format(problem, options.site(), cwd));
        }
        err.flush();
        if (result.outcome() == BuildResult.Outcome.FAILED) {
            err.printf("build failed: %d error(s), %d warning(s); the published site was not changed%n",
                    result.errorCount(), result.warningCount());
            err.flush();
        }
        if (result.outcome() != BuildResult.Outcome.PUBLISHED) {
            return;
        }
        BuildResult.Stats s = result.stats();
        if (!quiet) {
            out.printf("built %d issues, %d pages, %d articles into %s: %d files written, %d unchanged, "
                            + "%d removed, in %.1f s%s%n", s.issues(), s.pages(), s.articles(),
                    BuildCommand.display(options.outputDir(), cwd), s.written(), s.unchanged(), s.removed(),
                    millis / 1000.0, result.warningCount() == 0 ? "" : "; " + result.warningCount() + " warning(s)");
        }
        if (!quiet) {
            table(result);
        }
        if (verbose) {
            out.printf("  %d article files from the build cache; %d files rendered, %d kept as they were%s%n",
                    s.fromCache(), s.filesRendered(), s.filesKept(),
                    s.cacheNote().isEmpty() ? "" : " (" + s.cacheNote() + ")");
            result.stageMillis().forEach((stage, ms) -> out.printf("  %-18s %6d ms%n", stage, ms));
        }
        out.flush();
    }

    /** One line for a preview that {@code serve} showed ahead of the build: what changed, how fast. */
    void printPreview(java.util.List<String> changed, long millis) {
        if (quiet || changed.isEmpty()) {
            return;
        }
        out.printf("previewed %d page(s) in %d ms, %s%s; the whole site follows%n", changed.size(), millis,
                changed.get(0), changed.size() > 1 ? " …" : "");
        out.flush();
    }

    /** The summary table under the line: what was built, what became of the files, where the time went. */
    private void table(BuildResult result) {
        BuildResult.Stats s = result.stats();
        out.printf("  %-9s %d issues · %d pages · %d articles · %d bureaus%n", "archive", s.issues(), s.pages(),
                s.articles(), s.bureaus());
        out.printf("  %-9s %d written · %d unchanged · %d removed%n", "files", s.written(), s.unchanged(),
                s.removed());
        StringBuilder stages = new StringBuilder();
        result.stageMillis().forEach((stage, ms) -> stages.append(stages.length() == 0 ? "" : " · ").append(stage)
                .append(' ').append(ms).append(" ms"));
        out.printf("  %-9s %s%n", "time", stages);
        out.printf("  %-9s %d%n", "warnings", result.warningCount());
    }
}
