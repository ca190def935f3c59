package org.broadsheet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.problem.Problem;

/**
 * site.yml for the commands that write content ({@code new}, {@code import}): they need its bureaus for
 * the gazetteer, and refuse to go on (printing why) when it has errors.
 */
final class SiteSettings {
    private SiteSettings() {
    }

    /** The site's settings; empty after printing site.yml's errors to {@code err}. */
    static Optional<SiteConfig> loadOrReport(Path site, PrintWriter err) {
        SiteConfigLoader.Loaded loaded = SiteConfigLoader.load(site);
        List<Problem> errors = loaded.problems().stream().filter(Problem::isError).toList();
        if (loaded.config().isEmpty() || !errors.isEmpty()) {
            Path cwd = Path.of("").toAbsolutePath();
            errors.forEach(problem -> err.println(ProblemPrinter.format(problem, site, cwd)));
            err.flush();
            return Optional.empty();
        }
        return loaded.config();
    }
}
