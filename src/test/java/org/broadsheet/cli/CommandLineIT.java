package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a webmaster runs it: help, version, exit codes, messages without stack traces. */
class CommandLineIT {
    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void helpAndVersionWork() throws Exception {
        Run help = run(temp, "--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("build").contains("Exit codes");
        Run version = run(temp, "--version");
        assertThat(version.exitCode).isZero();
        assertThat(version.out).startsWith("broadsheet ");
    }

    @Test
    void buildsTheSampleAndReportsWhatItDid() throws Exception {
        Path site = TestSites.copySample(temp);
        Run build = run(site, "build");
        assertThat(build.exitCode).as(build.err).isZero();
        assertThat(build.out).contains("built 3 issues, 12 pages");
        assertThat(site.resolve("public/index.html")).exists();
        Run again = run(site, "build");
        assertThat(again.out).contains(" 0 files written");
    }

    @Test
    void theLauncherRunsUnderAPlainCLocaleWithoutRecompiling() throws Exception {
        Path site = TestSites.copySample(temp);
        ProcessBuilder builder = new ProcessBuilder(Path.of("broadsheet").toAbsolutePath().toString(), "build",
                "--site", site.toString(), "--quiet").redirectErrorStream(true);
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain("compiling");
        assertThat(site.resolve("public/2025/12/12/04/普法小课堂.html")).exists();
    }

    @Test
    void aNonUtf8LocaleIsRefusedWithAnExplanation() throws Exception {
        ProcessBuilder plain = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar")).toAbsolutePath()
                        .toString(), "build").directory(temp.toFile()).redirectErrorStream(true);
        plain.environment().put("LANG", "C");
        plain.environment().put("LC_ALL", "C");
        Process refused = plain.start();
        String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(refused.waitFor()).isEqualTo(2);
        assertThat(output).contains("LC_ALL=C.UTF-8");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(run(temp, "build", "--engine", "markdown-it").exitCode).isEqualTo(2);
        assertThat(run(temp, "build", "--no-such-option").exitCode).isEqualTo(2);
        assertThat(run(temp, "build", "--clock", "yesterday").exitCode).isEqualTo(2);
    }

    @Test
    void aMissingSiteIsAProblemWithAHintNotACrash() throws Exception {
        Run build = run(temp, "build");
        assertThat(build.exitCode).isEqualTo(1);
        assertThat(build.err).contains("site.yml: error: no site.yml in").contains("--site")
                .doesNotContain("Exception");
    }

    private static Run run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar"))
                .toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path outFile = dir.resolve("../stdout.txt").normalize();
        Path errFile = dir.resolve("../stderr.txt").normalize();
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        int code = process.waitFor();
        return new Run(code, java.nio.file.Files.readString(outFile, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8));
    }
}
