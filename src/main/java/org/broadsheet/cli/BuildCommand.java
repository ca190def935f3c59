package org.broadsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.broadsheet.build.InputChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code broadsheet build}: builds the site and publishes it into the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = "Builds the site in --site into --output. Nothing is published unless the whole site "
                + "builds.")
public final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BuildFlags flags;

    @Override
    public Integer call() throws IOException {
        BuildOptions options = flags.options();
        long start = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        BuildResult result;
        try (BuildSession session = BuildSession.open(options);
                StopNotice notice = StopNotice.whileRunning(session, err)) {
            result = session.build(options, InputChanges.UNKNOWN, flags.progress());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (flags.report != null) {
            Files.writeString(flags.report, BuildReport.toJson(result, millis), StandardCharsets.UTF_8);
        }
        BuildSummary summary = new BuildSummary(spec.commandLine().getOut(), err, options, flags.quiet,
                flags.verbose);
        summary.print(result, millis);
        return switch (result.outcome()) {
            case PUBLISHED -> ExitCodes.OK;
            case LOCKED -> ExitCodes.LOCKED;
            case OUTPUT_REFUSED -> ExitCodes.USAGE;
            case FAILED -> ExitCodes.PROBLEMS;
            case SUPERSEDED -> throw new IllegalStateException("a build of its own is never superseded");
        };
    }

    static String display(Path path, Path cwd) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString()
                : absolute.toString();
    }
}
