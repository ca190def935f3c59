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
    void theLauncherUsesC2OnlyForALargeArchiveBuiltFromScratch() throws Exception {
        Path large = temp.resolve("large");
        for (int month = 0; month < 36; month++) {
            java.nio.file.Files.createDirectories(large.resolve(String.format("content/%d/%02d", 2016 + month / 12,
                    month % 12 + 1)));
        }
        Path small = temp.resolve("small");
        java.nio.file.Files.createDirectories(small.resolve("content/2025/12"));
        String c1 = "-XX:TieredStopAtLevel=1";

        assertThat(launcherOptions("build", "--site", large.toString())).doesNotContain(c1)
                .contains("-XX:-TieredCompilation")
                .contains("-XX:CompileCommand=exclude,freemarker.core.FMParserTokenManager::jjMoveNfa_0");
        assertThat(launcherOptions("build", "--site=" + small)).contains(c1).doesNotContain("CompileCommand");
        assertThat(launcherOptions("--version")).contains(c1).contains("-XX:MaxTenuringThreshold=0");
        Path index = large.resolve(".broadsheet/cache/articles");
        java.nio.file.Files.createDirectories(index.getParent());
        java.nio.file.Files.writeString(index, "a cache newer than the jar");
        assertThat(launcherOptions("build", "--site", large.toString())).as("a rebuild").contains(c1);
        assertThat(launcherOptions("build", "--no-cache", "--site", large.toString())).doesNotContain(c1);
        java.nio.file.Files.delete(large.resolve("content/2018/12"));
        java.nio.file.Files.delete(index);
        assertThat(launcherOptions("build", "--site", large.toString())).as("35 months").contains(c1);
    }

    /** The JVM options {@code ./broadsheet ARGS} would run Java with. */
    private static String launcherOptions(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("broadsheet").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BROADSHEET_PRINT_JAVA_OPTS", "1");
        builder.environment().remove("BROADSHEET_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.strip();
    }

    @Test
    void aBuildStoppedBySignalSaysWhatItLeftBehind() throws Exception {
        Path site = TestSites.copySample(temp);
        // A bigger archive (some 1,500 stories), so that the build is still running when it is stopped: the issue
        // of the 10th copied to every day of two months, without its old addresses, which would clash.
        for (int day = 1; day <= 28; day++) {
            for (String month : List.of("10", "11")) {
                Path copy = site.resolve("content/2025/" + month + String.format("/%02d", day));
                TestSites.copyTree(site.resolve("content/2025/12/10"), copy);
                try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(copy)) {
                    for (Path story : files.filter(file -> file.toString().endsWith(".md")).toList()) {
                        TestSites.write(story, TestSites.read(story).replaceAll("(?m)^aliases:.*\n", ""));
                    }
                }
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar")).toAbsolutePath().toString(),
                "build", "--site", site.toString());
        Path errFile = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
        // Stopped once it renders (its staging area exists), as a CI job's timeout or Ctrl-C would stop it.
        Path staging = site.resolve(".broadsheet/staging");
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (!java.nio.file.Files.exists(staging) && process.isAlive() && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        process.destroy(); // SIGTERM

        assertThat(process.waitFor()).isNotZero();
        assertThat(java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8))
                .containsPattern("broadsheet: stopped (before publishing; the published site was not changed"
                        + "|while publishing into .*the next build finishes the publish)");
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
    void serveBuildsServesWithLiveReloadAndPublishesNothingIntoPublic() throws Exception {
        Path site = TestSites.copySample(temp);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar")).toAbsolutePath().toString(),
                "serve", "--site", site.toString(), "--port", "0", "--output", temp.resolve("preview").toString());
        Process process = new ProcessBuilder(command).redirectError(temp.resolve("serve-err.txt").toFile()).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8));
            String serving = null;
            for (String line; serving == null && (line = out.readLine()) != null; ) {
                if (line.startsWith("serving ")) {
                    serving = line;
                }
            }
            assertThat(serving).as("the address it prints").matches("serving .* at http://127\\.0\\.0\\.1:\\d+/ .*");
            java.net.URI url = java.net.URI.create(serving.replaceAll(".* at (http\\S+) .*", "$1"));
            java.net.http.HttpResponse<String> home = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(url).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("/__broadsheet/live.js").contains("href=\"" + url + "\"");
            assertThat(site.resolve("public")).as("build's output folder is left alone").doesNotExist();
            assertThat(java.nio.file.Files.readString(temp.resolve("preview/index.html")))
                    .as("the script is added when serving, never written").doesNotContain("__broadsheet");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void progressBarsAreDrawnOnATerminalOnlyAndPlainLinesElsewhere() throws Exception {
        Path site = TestSites.copySample(temp);
        String jar = Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar")).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Run plain = run(temp, "build", "--site", site.toString(), "--no-cache", "--progress-after", "0");
        // script(1) runs the build on a pseudo-terminal, as a webmaster's shell does.
        Process onTerminal = new ProcessBuilder("script", "-qec", String.join(" ", java, "-jar", jar, "build",
                "--site", site.toString(), "--no-cache", "--progress-after", "0"), "/dev/null")
                .redirectErrorStream(true).start();
        String terminal = new String(onTerminal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(onTerminal.waitFor()).isZero();

        assertThat(plain.exitCode).isZero();
        assertThat(plain.out + plain.err).as("no control characters without a terminal")
                .doesNotContain("\r").doesNotContain("\u001b");
        assertThat(plain.out).containsPattern("(?m)^  pages rendered: \\d+ \\(\\d+\\.\\d s\\)$")
                .contains("  archive   3 issues · 12 pages · 48 articles").contains("  warnings  0");
        assertThat(terminal).as("a bar redrawn in place on the terminal").containsPattern("\rpages rendered +\\d+%")
                .doesNotContain("  pages rendered: ");
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
