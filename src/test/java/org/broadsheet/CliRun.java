package org.broadsheet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.cli.Main;

/**
 * {@code broadsheet build} run in this JVM, as a webmaster runs it: the exit code and what it printed, with the
 * site's folder taken out of the messages so that tests can compare them.
 */
public record CliRun(int exitCode, String out, String err) {
    /** Builds {@code site} into {@code output} with the {@code extra} options. */
    public static CliRun build(Path site, Path output, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("build", "--site", site.toString(), "--output", output.toString()));
        args.addAll(List.of(extra));
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString().replace(site.toString() + "/", ""));
    }

    /** Runs {@code broadsheet ARGS…} (any command) as typed. */
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
