package org.broadsheet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code broadsheet completion}: prints the bash/zsh completion script picocli generates from the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = "Prints a bash completion script for broadsheet's commands and options. zsh runs it too: "
                + "the script loads zsh's bashcompinit itself.",
        footerHeading = "%nExample:%n",
        footer = {"  source <(broadsheet completion)     # add this line to ~/.bashrc or ~/.zshrc"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Generated from the root command, so the script always knows every command and option there is.
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        PrintWriter out = spec.commandLine().getOut();
        out.print(script);
        out.flush();
        return ExitCodes.OK;
    }
}
