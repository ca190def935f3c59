package org.broadsheet.cli;

import org.broadsheet.output.PublishInterrupted;
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
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException io) {
                return fileSystem(io, line.getErr());
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

    /**
     * Not a bug but the machine: a full disk, a folder without write permission. Publishing tells how far it
     * got ({@link PublishInterrupted}); any other failure happened before publishing started, which left the
     * published site as it was.
     */
    static int fileSystem(java.io.IOException e, java.io.PrintWriter err) {
        if (e instanceof PublishInterrupted interrupted) {
            err.println("broadsheet: error: " + interrupted.getMessage());
            err.flush();
            return ExitCodes.INTERNAL;
        }
        String what = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                ? fs.getFile() + ": " + (fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason())
                : String.valueOf(e.getMessage());
        err.println("broadsheet: error: cannot read or write " + what + " (check free disk space and the "
                + "permissions of the site and output folders, then build again; the published site was not "
                + "changed)");
        err.flush();
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
