package org.broadsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.broadsheet.build.SiteCheck;
import org.broadsheet.config.EngineName;
import org.broadsheet.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code broadsheet check}: builds without publishing and reports every problem; exit 1 when any is found. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = {"Builds the site without publishing it and reports every problem, each with file:line "
                + "where there is one: content, theme and config errors, broken internal links and missing "
                + "images, unknown datelines, pages without articles, two sources for one address, and addresses "
                + "that collide on case-insensitive or Unicode-normalising file systems (macOS, Windows). Exits 1 "
                + "when anything is found, 0 when the site is clean.",
                "",
                "The build goes into a folder of its own (~/.cache/broadsheet/check/<site>/), so SITE/public and "
                        + "what `build` remembers of it are left alone, and the next check is incremental.",
                "",
                "Examples:",
                "  broadsheet check",
                "  broadsheet check --format json > problems.json"})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = ".",
            description = "The site folder, holding site.yml (default: the current folder).")
    Path site;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default: path:line:col: severity: message, as build prints them) or json.")
    String format;

    @Option(names = "--drafts", description = "Check articles marked draft: true too.")
    boolean drafts;

    @Option(names = "--engine", paramLabel = "NAME", description = "Markdown engine: flexmark or commonmark.")
    String engine;

    @Option(names = "--work", paramLabel = "DIR", hidden = true,
            description = "Where the check builds (default: ~/.cache/broadsheet/check/<site>/).")
    Path work;

    @Option(names = "--threads", paramLabel = "N", hidden = true, description = "Worker threads (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json");
        }
        Optional<EngineName> engineName = Optional.ofNullable(engine).map(id -> EngineName.byId(id)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--engine must be flexmark or commonmark")));
        BuildOptions options = BuildOptions.defaults(site).withOutput(work != null ? work : WorkFolder.of(site, "check"))
                .withDrafts(drafts).withThreads(Math.max(1, threads))
                // An article with an error is left out and the rest checked, so one run finds what the render
                // of every other page shows (broken links, clashing addresses), as --keep-going builds it.
                .withKeepGoing(true);
        if (engineName.isPresent()) {
            options = options.withEngine(engineName.get());
        }
        SiteCheck.Findings findings;
        try (BuildSession session = BuildSession.open(options)) {
            findings = SiteCheck.run(session, options);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (chosen.equals("json")) {
            out.print(CheckReport.toJson(findings));
        } else {
            Path cwd = Path.of("").toAbsolutePath();
            for (Problem problem : findings.problems()) {
                out.println(ProblemPrinter.format(problem, options.site(), cwd));
            }
            out.println(findings.problems().isEmpty() ? "check: no problems found"
                    : "check: " + findings.errors() + " error(s), " + findings.warnings() + " warning(s)");
        }
        out.flush();
        if (findings.outcome() == BuildResult.Outcome.LOCKED) {
            return ExitCodes.LOCKED;
        }
        if (findings.outcome() == BuildResult.Outcome.OUTPUT_REFUSED) {
            return ExitCodes.USAGE;
        }
        return findings.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
