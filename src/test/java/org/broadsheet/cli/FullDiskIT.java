package org.broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full disk of issue 18 on a real file system: the output on a 2 MB tmpfs, the site (and its staging
 * area) elsewhere, every story page grown until the tmpfs is full. Mounting needs root, as CI runs; without
 * root the test is reported as skipped (PublisherFullDiskTest covers the same with an in-memory disk).
 */
class FullDiskIT {
    private static final String PADDING = "<#-- 填充 -->\n<!-- " + "版".repeat(12_000) + " -->\n";

    @TempDir
    Path temp;
    Path mounted;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int build(Path site, Path output) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "build", "--site", site.toString(),
                "--output", output.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void aFullOutputDiskLosesNoPageAndTheNextBuildFinishesThePublish() throws Exception {
        assumeThat(System.getProperty("user.name")).as("mounting a tmpfs needs root").isEqualTo("root");
        Path site = TestSites.copySample(temp);
        Path output = Files.createDirectories(temp.resolve("tmpfs"));
        run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", output.toString());
        mounted = output;
        assertThat(build(site, output)).as(err.toString()).isZero();
        Map<String, String> before = TestSites.hashes(output);
        Path article = site.resolve("themes/default/templates/article.ftlh");
        TestSites.write(article, TestSites.read(article) + PADDING);

        assertThat(build(site, output)).isEqualTo(ExitCodes.INTERNAL);

        assertThat(err.toString()).contains("stopped at " + output, "tmpfs", "changed files were already replaced",
                "the next build finishes the publish").doesNotContain(".broadsheet/staging", "was not changed");
        int grown = 0;
        Map<String, String> after = TestSites.hashes(output);
        for (Map.Entry<String, String> file : before.entrySet()) {
            assertThat(after).as(file.getKey() + " still published").containsKey(file.getKey());
            if (!after.get(file.getKey()).equals(file.getValue())) {
                assertThat(TestSites.read(output.resolve(file.getKey()))).as(file.getKey() + " is whole")
                        .contains("版".repeat(12_000) + " -->");
                grown++;
            }
        }
        assertThat(grown).as("the disk filled part of the way").isPositive();
        assertThat(TestSites.files(output)).noneMatch(name -> name.endsWith(".broadsheet-part"));

        run("mount", "-o", "remount,size=16m", output.toString());
        assertThat(build(site, output)).as(err.toString()).isZero();

        Path fresh = temp.resolve("fresh");
        assertThat(build(site, fresh)).isZero();
        assertThat(TestSites.hashes(output)).as("the same site built from scratch").isEqualTo(TestSites.hashes(fresh));
    }

}
