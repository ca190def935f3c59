package org.broadsheet.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A bug surfaces as one short report and exit code 4; the stack trace only with {@code --verbose}, so
 * webmasters are not buried in Java internals.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return outOfMemory(line.getErr());
            }
        }
        line.getErr().println("broadsheet: internal error: " + e);
        if (verbose(parsed)) {
            e.printStackTrace(line.getErr());
        } else {
            line.getErr().println("This is a bug in Broadsheet. Run again with --verbose for details and report "
                    + "them.");
        }
        line.getErr().flush();
        return ExitCodes.INTERNAL;
    }

    /** Not a bug but a limit: say which, and how to lift it. */
    static int outOfMemory(java.io.PrintWriter err) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        err.println("broadsheet: error: out of memory (the heap limit is " + maxMb + " MB) while building this site "
                + "(give it more, e.g. BROADSHEET_JAVA_OPTS=-Xmx2g ./broadsheet build)");
        err.flush();
        return ExitCodes.INTERNAL;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
