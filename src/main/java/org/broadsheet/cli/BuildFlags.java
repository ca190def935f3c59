package org.broadsheet.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.problem.Progress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code build}, shared as a picocli mixin by every command that builds ({@code build},
 * {@code serve}), so each option means the same everywhere and is parsed in one place.
 */
final class BuildFlags {
    @Spec(Spec.Target.MIXEE)
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

    @Option(names = "--progress-after", paramLabel = "MILLIS", hidden = true,
            description = "On a terminal, show progress bars once a build has run this long (default: 1000).")
    long progressAfterMillis = 1_000;

    @Option(names = "--threads", paramLabel = "N", hidden = true, description = "Worker threads (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The parsed options; a malformed value is a usage error naming the option. */
    BuildOptions options() {
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

    /**
     * How the build shows its progress: bars on a terminal (stdin and stdout both one), plain stage lines
     * otherwise, nothing with --quiet.
     */
    Progress progress() {
        if (quiet) {
            return Progress.NONE;
        }
        return System.console() != null ? new TerminalProgress(System.err, progressAfterMillis)
                : new StageLines(spec.commandLine().getOut());
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
