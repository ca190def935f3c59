package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastBuildTest {
    @TempDir
    Path dir;

    private static LastBuild.Summary summary() {
        return new LastBuild.Summary("3f9a", 3, 12, 48, 134, List.of(
                Problem.warning(Path.of("content/2025/12/12/04/98.md"), 3, 0, "unknown dateline '火星讯'",
                        "add it to site.yml under bureaus"),
                Problem.error(Path.of("/elsewhere/site.yml"), 0, 0, "一个错误", "")));
    }

    @Test
    void whatIsWrittenIsReadBack() throws IOException {
        LastBuild.write(dir, summary());

        assertThat(LastBuild.read(dir)).contains(summary());
    }

    @Test
    void noRecordAndAnyDamageReadAsNone() throws IOException {
        assertThat(LastBuild.read(dir)).isEmpty();
        LastBuild.write(dir, summary());
        byte[] bytes = Files.readAllBytes(dir.resolve("last-build"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve("last-build"), bytes);

        assertThat(LastBuild.read(dir)).isEmpty();
    }

    @Test
    void deleteRemovesIt() throws IOException {
        LastBuild.write(dir, summary());

        LastBuild.delete(dir);

        assertThat(LastBuild.read(dir)).isEmpty();
        assertThat(dir.resolve("last-build")).doesNotExist();
    }
}
