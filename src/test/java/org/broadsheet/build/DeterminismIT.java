package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of the sample in separate JVMs, under different time zones, locales (Turkish, whose dotless i
 * breaks careless lower-casing) and thread counts, from different working directories, give identical trees.
 * (The C library locale stays C.UTF-8 in both: Java cannot read Chinese file names under a non-UTF-8 one,
 * which the launcher ensures and {@code CommandLineIT} checks.)
 */
class DeterminismIT {
    @TempDir
    Path temp;

    @Test
    void separateJvmsWithDifferentZonesLocalesAndThreadsAgree() throws Exception {
        Path site = TestSites.copySample(temp);
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        run(site, first, Map.of("TZ", "UTC", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"),
                List.of("-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US"), "1", temp);
        run(site, second, Map.of("TZ", "Pacific/Kiritimati", "LANG", "tr_TR.UTF-8", "LC_ALL", "C.UTF-8"),
                List.of("-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR"), "5",
                site);
        assertThat(TestSites.files(first)).hasSizeGreaterThan(80);
        assertThat(TreeDiff.between(first, second)).isEmpty();
    }

    private static void run(Path site, Path output, Map<String, String> env, List<String> jvmOptions,
            String threads, Path workingDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "build", "--site", site.toString(), "--output",
                output.toString(), "--threads", threads, "--quiet"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).inheritIO();
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor()).as("exit code of " + command).isZero();
    }

    static Path jar() {
        return Path.of(System.getProperty("broadsheet.jar", "target/broadsheet.jar")).toAbsolutePath();
    }
}
