package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LastBuildTest {
    private static final String KEY = "code test; markdown commonmark strip";

    @TempDir
    Path dir;

    private static LastBuild.Summary summary() {
        return new LastBuild.Summary("3f9a", 3, 12, 48, 7, 134, List.of(
                Problem.warning(Path.of("content/2025/12/12/04/98.md"), 3, 0, "unknown dateline '火星讯'",
                        "add it to site.yml under bureaus"),
                Problem.error(Path.of("/elsewhere/site.yml"), 0, 0, "一个错误", "")));
    }

    @Test
    void whatIsWrittenIsReadBack() throws IOException {
        LastBuild.write(dir, KEY, summary());

        assertThat(LastBuild.read(dir, KEY)).contains(summary());
    }

    @Test
    void noRecordAndAnyDamageReadAsNone() throws IOException {
        assertThat(LastBuild.read(dir, KEY)).isEmpty();
        LastBuild.write(dir, KEY, summary());
        byte[] bytes = Files.readAllBytes(dir.resolve("last-build"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve("last-build"), bytes);

        assertThat(LastBuild.read(dir, KEY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Damage.class)
    void aDamagedRecordReadsAsNone(CacheFiles.Damage damage) throws IOException {
        LastBuild.write(dir, KEY, summary());
        damage.applyTo(dir.resolve("last-build"));

        assertThat(LastBuild.read(dir, KEY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Foreign.class)
    void aRecordOfAnotherVersionOrStoreReadsAsNone(CacheFiles.Foreign foreign) throws IOException {
        LastBuild.write(dir, KEY, summary());
        foreign.applyTo(dir.resolve("last-build"));

        assertThat(LastBuild.read(dir, KEY)).isEmpty();
    }

    @Test
    void aRecordForAnotherBuildKeyReadsAsNone() throws IOException {
        LastBuild.write(dir, KEY, summary());

        assertThat(LastBuild.read(dir, KEY + " v2")).isEmpty();
        assertThat(LastBuild.read(dir, KEY)).as("and is still there for its own").contains(summary());
    }

    @Test
    void aRecordWithoutProblemsIsReadBackToo() throws IOException {
        LastBuild.Summary clean = new LastBuild.Summary("", 0, 0, 0, 0, 0, List.of());
        LastBuild.write(dir, KEY, clean);

        assertThat(LastBuild.read(dir, KEY)).contains(clean);
    }

    @Test
    void deleteRemovesIt() throws IOException {
        LastBuild.write(dir, KEY, summary());

        LastBuild.delete(dir);

        assertThat(LastBuild.read(dir, KEY)).isEmpty();
        assertThat(dir.resolve("last-build")).doesNotExist();
    }
}
