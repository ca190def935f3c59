package org.broadsheet.cli;

import picocli.CommandLine.Command;

/** The top-level command; it only groups the subcommands. */
@Command(name = "broadsheet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = "Builds a static website from a newspaper archive.",
        subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, CheckCommand.class, ImportCommand.class,
                CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:problems in content, theme or config", "2:usage error",
                "3:another build holds the site's lock", "4:internal error (a bug)"})
public final class BroadsheetCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'build' or 'new'");
    }
}
