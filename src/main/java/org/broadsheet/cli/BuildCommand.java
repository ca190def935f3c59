package org.broadsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code broadsheet build}: builds the site and publishes it into the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = "Builds the site in --site into --output. Nothing is published unless the whole site "
                + "builds.")
public final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = ".",
            description = "The site folder, holding site.yml (default: the current folder).")
    Path site;

    @Option(names = "--output", paramLabel = "DIR", description = "Where to publish (default: SITE/public).")
    Path output;

    @Option(names = "--base-url", paramLabel = "URL", description = "Overrides baseUrl from site.yml.")
    String baseUrl;

    @Option(names = "--engine", paramLabel = "NAME", description = "Markdown engine: flexmark or commonmark.")
    String engine;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--keep-going", description = "Publish without the articles that have errors.")
    boolean keepGoing;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Option(names = "--force", description = "Publish into a non-empty output folder Broadsheet did not create.")
    boolean force;

    @Option(names = "--clock", paramLabel = "INSTANT",
            description = "\"Now\" for feeds and for the check that no issue is dated in the future, e.g. "
                    + "2025-12-12T16:00:00Z (default: SOURCE_DATE_EPOCH, or the end of the latest issue's day for "
                    + "feeds and the current time for the check).")
    String clock;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a JSON report of the build.")
    Path report;

    @Option(names = "--quiet", description = "Print only errors and warnings.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stage timings; print stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--no-cache", description = "Ignore the build cache in SITE/.broadsheet/cache: read every "
            + "article and render every page, and start the cache afresh.")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N", hidden = true, description = "Worker threads (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        BuildOptions options = options();
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        BuildResult result;
        try (BuildSession session = BuildSession.open(options);
                StopNotice notice = StopNotice.whileRunning(session, err)) {
            result = session.build(options);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path cwd = Path.of("").toAbsolutePath();
        for (Problem problem : result.problems()) {
            err.println(ProblemPrinter.format(problem, options.site(), cwd));
        }
        err.flush();
        if (report != null) {
            Files.writeString(report, BuildReport.toJson(result, millis), StandardCharsets.UTF_8);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (result.outcome()) {
            case PUBLISHED -> {
                if (!quiet) {
                    BuildResult.Stats s = result.stats();
                    out.printf("built %d issues, %d pages, %d articles into %s: %d files written, %d unchanged, "
                                    + "%d removed, in %.1f s%s%n", s.issues(), s.pages(), s.articles(),
                            display(options.outputDir(), cwd), s.written(), s.unchanged(), s.removed(),
                            millis / 1000.0, result.warningCount() == 0 ? ""
                                    : "; " + result.warningCount() + " warning(s)");
                }
                if (verbose) {
                    BuildResult.Stats s = result.stats();
                    out.printf("  %d article files from the build cache; %d files rendered, %d kept as they were%s%n",
                            s.fromCache(), s.filesRendered(), s.filesKept(),
                            s.cacheNote().isEmpty() ? "" : " (" + s.cacheNote() + ")");
                    result.stageMillis().forEach((stage, ms) -> out.printf("  %-18s %6d ms%n", stage, ms));
                }
                out.flush();
                return ExitCodes.OK;
            }
            case LOCKED -> {
                return ExitCodes.LOCKED;
            }
            case OUTPUT_REFUSED -> {
                return ExitCodes.USAGE;
            }
            default -> {
                err.printf("build failed: %d error(s), %d warning(s); the published site was not changed%n",
                        result.errorCount(), result.warningCount());
                err.flush();
                return ExitCodes.PROBLEMS;
            }
        }
    }

    private BuildOptions options() {
        Optional<URI> url = Optional.ofNullable(baseUrl).map(text -> SiteConfigLoader.parseBaseUrl(text)
                .orElseThrow(() -> usage("--base-url must be a full http(s) URL, e.g. https://example.org/archive/")));
        Optional<EngineName> engineName = Optional.ofNullable(engine).map(id -> EngineName.byId(id)
                .orElseThrow(() -> usage("--engine must be flexmark or commonmark")));
        if (threads < 1) {
            throw usage("--threads must be at least 1");
        }
        return new BuildOptions(site, Optional.ofNullable(output), url, engineName, drafts, keepGoing, strict,
                force, parseClock(), threads, UnaryOperator.identity(), !noCache);
    }

    private Optional<Instant> parseClock() {
        String text = clock != null ? clock : System.getenv("SOURCE_DATE_EPOCH");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(text.matches("[0-9]+") ? Instant.ofEpochSecond(Long.parseLong(text))
                    : Instant.parse(text));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw usage("--clock (or SOURCE_DATE_EPOCH) must be an instant such as 2025-12-12T16:00:00Z or "
                    + "epoch seconds, not '" + text + "'");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static String display(Path path, Path cwd) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString()
                : absolute.toString();
    }
}
