package org.broadsheet.cli;

import picocli.CommandLine;

/** The {@code broadsheet} command: parses, runs one subcommand, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (see README: exit codes). */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new BroadsheetCommand());
        line.setExecutionExceptionHandler(new InternalErrorHandler());
        return line.execute(args);
    }
}
