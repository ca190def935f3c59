package org.broadsheet.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code broadsheet} command: parses, runs one subcommand, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line, printing to {@code out} and {@code err}, and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String fileNames = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!fileNames.equalsIgnoreCase("UTF-8")) {
            // Java reads file names in the locale's encoding; under LANG=C a Chinese file name cannot even be
            // listed. Refuse up front rather than fail half-way through a build.
            err.println("broadsheet: error: the system locale is not UTF-8 (file names are read as " + fileNames
                    + "), so Chinese file names cannot be read (run with LC_ALL=C.UTF-8; the ./broadsheet "
                    + "launcher does this for you)");
            err.flush();
            return ExitCodes.USAGE;
        }
        CommandLine line = new CommandLine(new BroadsheetCommand());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler(new InternalErrorHandler());
        try {
            return line.execute(args);
        } catch (OutOfMemoryError e) {
            return InternalErrorHandler.outOfMemory(err);
        }
    }
}
