package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.broadsheet.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code broadsheet completion}: a bash/zsh script that knows every command and option. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsPicoclisBashScript() {
        CliRun run = CliRun.run("completion");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash\n#\n# broadsheet Bash Completion");
    }

    @Test
    void theScriptKnowsTheCommandsAndTheirOptions() {
        String script = CliRun.run("completion").out();

        assertThat(script).contains("build serve new check import completion", "--output", "--title", "--dateline", "--section",
                "complete -F _complete_broadsheet");
    }

    @Test
    void bashAcceptsTheScript() throws IOException, InterruptedException {
        Path script = dir.resolve("broadsheet_completion");
        Files.writeString(script, CliRun.run("completion").out(), StandardCharsets.UTF_8);

        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
    }

    @Test
    void helpShowsHowToInstallIt() {
        CliRun run = CliRun.run("completion", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("source <(broadsheet completion)", "zsh");
    }
}
