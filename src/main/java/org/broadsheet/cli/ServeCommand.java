package org.broadsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.broadsheet.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code broadsheet serve}: builds, serves the site on this machine, rebuilds on every save, reloads tabs. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = {"Builds the site, serves it at http://BIND:PORT/ and rebuilds it whenever a file in "
                + "content/, themes/ or site.yml is saved; open pages reload by themselves. While the site does "
                + "not build, pages show the errors over the last good site.",
                "",
                "The preview is published into a folder of its own (default: ~/.cache/broadsheet/serve/<site>/), "
                        + "with the server's address as base URL, so SITE/public keeps what `build` published.",
                "",
                "Examples:",
                "  broadsheet serve",
                "  broadsheet serve --port 8080 --drafts",
                "  broadsheet serve --bind 0.0.0.0      (preview on a phone in the same network)"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BuildFlags flags;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
            description = "The port to listen on (default: 8000; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: 127.0.0.1, this machine only).")
    String bind;

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65_535) {
            throw flags.usage("--port must be between 0 and 65535");
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw flags.usage("--bind must be an address of this machine, e.g. 127.0.0.1 or 0.0.0.0");
        }
        BuildOptions options = flags.options();
        // The preview's own folder is written by nothing but this process: what it published there need not be
        // looked at again before each rebuild. A folder named with --output may be anyone's.
        boolean ownFolder = options.output().isEmpty();
        if (ownFolder) {
            options = options.withOutput(WorkFolder.of(options.site()));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildSummary summary = new BuildSummary(out, err, options, flags.quiet, flags.verbose);
        Preview preview;
        BuildSession session = BuildSession.openResident(options, ownFolder);
        try {
            preview = Preview.open(session, options, address, new Preview.Listener() {
                @Override
                public void built(BuildResult result, long millis) {
                    summary.print(result, millis);
                }

                @Override
                public void previewed(List<String> changed, long millis) {
                    summary.printPreview(changed, millis);
                }
            });
        } catch (java.net.BindException e) {
            session.close();
            err.println("broadsheet: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or stop what uses it");
            err.flush();
            return ExitCodes.USAGE;
        }
        // Ctrl-C is how a preview ends: if a rebuild was publishing, say what became of the preview folder.
        try (session; preview; StopNotice notice = StopNotice.whileRunning(session, err)) {
            BuildResult first = preview.buildFirst();
            if (first.outcome() == BuildResult.Outcome.OUTPUT_REFUSED
                    || first.outcome() == BuildResult.Outcome.LOCKED) {
                return first.outcome() == BuildResult.Outcome.LOCKED ? ExitCodes.LOCKED : ExitCodes.USAGE;
            }
            out.println("serving " + BuildCommand.display(options.site(), Path.of("").toAbsolutePath())
                    + " at " + preview.url() + " (press Ctrl-C to stop)");
            out.flush();
            preview.run();
        }
        return ExitCodes.OK;
    }
}
