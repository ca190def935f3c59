package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The render memory trusts a fingerprint only for the output folder, build key and file it was saved for. */
class OutputMemoryTest {
    private static final String KEY = "code test; markdown commonmark strip";
    private static final String PAGE = "2025/12/12/01/index.html";
    private static final String ISSUE = "2025/12/12/index.html";
    private static final String GROUP = "issue 2025-12-12";

    @TempDir
    Path temp;
    Path cache;
    Path output;

    @BeforeEach
    void aPublishedPageRemembered() throws IOException {
        cache = temp.resolve("site/.broadsheet/cache");
        output = temp.resolve("public");
        Files.createDirectories(output.resolve("2025/12/12/01"));
        Files.writeString(output.resolve(PAGE), "<h1>第01版</h1>");
        OutputMemory memory = OutputMemory.open(cache, output, KEY, false);
        memory.remember(PAGE, "f1", Files.size(output.resolve(PAGE)));
        memory.save();
    }

    @Test
    void theSameFingerprintIsCurrentAndAnotherIsNot() throws IOException {
        OutputMemory memory = OutputMemory.open(cache, output, KEY, false);

        assertThat(memory.isCurrent(PAGE, "f1")).isTrue();
        assertThat(memory.isCurrent(PAGE, "f2")).isFalse();
        assertThat(memory.isCurrent("2025/12/12/02/index.html", "f1")).isFalse();
    }

    @Test
    void aPublishedFileThatIsGoneOrChangedSizeIsNotCurrent() throws IOException {
        Files.writeString(output.resolve(PAGE), "<h1>第01版 要闻（改）</h1>");

        assertThat(OutputMemory.open(cache, output, KEY, false).isCurrent(PAGE, "f1")).isFalse();

        Files.delete(output.resolve(PAGE));
        assertThat(OutputMemory.open(cache, output, KEY, false).isCurrent(PAGE, "f1")).isFalse();
    }

    @Test
    void anotherOutputFolderOrBuildKeyTrustsNothing() throws IOException {
        assertThat(OutputMemory.open(cache, temp.resolve("dist"), KEY, false).isCurrent(PAGE, "f1")).isFalse();
        assertThat(OutputMemory.open(cache, output, KEY + " v2", false).isCurrent(PAGE, "f1")).isFalse();
        assertThat(OutputMemory.open(cache, output, KEY, true).isCurrent(PAGE, "f1")).as("--no-cache").isFalse();
    }

    @Test
    void forgottenOnDiskWhilePublishingAndWrittenAgainAfterwards() throws IOException {
        OutputMemory memory = OutputMemory.open(cache, output, KEY, false);
        assertThat(memory.isCurrent(PAGE, "f1")).isTrue();

        memory.forgetOnDisk();
        assertThat(OutputMemory.open(cache, output, KEY, false).isCurrent(PAGE, "f1"))
                .as("a publish killed now must not leave fingerprints to trust").isFalse();

        memory.save();
        assertThat(OutputMemory.open(cache, output, KEY, false).isCurrent(PAGE, "f1")).isTrue();
    }

    /** The issue page and its first page published, and remembered as a group with key {@code g1}. */
    private void aGroupRemembered() throws IOException {
        Files.writeString(output.resolve(ISSUE), "<h1>2025年12月12日</h1>");
        OutputMemory memory = OutputMemory.open(cache, output, KEY, false);
        assertThat(memory.isCurrent(PAGE, "f1")).isTrue();
        memory.remember(ISSUE, "i1", Files.size(output.resolve(ISSUE)));
        memory.rememberGroup(GROUP, "g1");
        memory.save();
    }

    @Test
    void aGroupWithTheSameKeyIsKeptWholeAndRememberedAgain() throws IOException {
        aGroupRemembered();
        OutputMemory memory = OutputMemory.open(cache, output, KEY, false);

        assertThat(memory.keepGroup(GROUP, "g1", List.of(ISSUE, PAGE))).isTrue();
        memory.save();

        OutputMemory next = OutputMemory.open(cache, output, KEY, false);
        assertThat(next.keepGroup(GROUP, "g1", List.of(ISSUE, PAGE))).as("the key is saved again").isTrue();
        assertThat(next.isCurrent(ISSUE, "i1")).as("the kept files' own fingerprints too").isTrue();
    }

    @Test
    void aGroupIsNotKeptForAnotherKeyAnotherGroupOrAFileThatIsGone() throws IOException {
        aGroupRemembered();

        assertThat(OutputMemory.open(cache, output, KEY, false).keepGroup(GROUP, "g2", List.of(ISSUE, PAGE)))
                .isFalse();
        assertThat(OutputMemory.open(cache, output, KEY, false).keepGroup("issue 2025-12-11", "g1",
                List.of(ISSUE, PAGE))).isFalse();
        assertThat(OutputMemory.open(cache, output, KEY, false).keepGroup(GROUP, "g1",
                List.of(ISSUE, PAGE, "2025/12/12/02/index.html"))).as("a file the group did not have").isFalse();

        Files.delete(output.resolve(PAGE));
        assertThat(OutputMemory.open(cache, output, KEY, false).keepGroup(GROUP, "g1", List.of(ISSUE, PAGE)))
                .isFalse();
    }

    @Test
    void aGroupNotRememberedByTheLastBuildIsForgotten() throws IOException {
        aGroupRemembered();
        OutputMemory memory = OutputMemory.open(cache, output, KEY, false);
        memory.isCurrent(ISSUE, "i1");
        memory.isCurrent(PAGE, "f1");
        memory.save(); // every file kept by its own fingerprint, the group neither kept nor remembered

        assertThat(OutputMemory.open(cache, output, KEY, false).keepGroup(GROUP, "g1", List.of(ISSUE, PAGE)))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Damage.class)
    void anyDamageTrustsNothingAndTheNextSaveIsGoodAgain(CacheFiles.Damage damage) throws IOException {
        damage.applyTo(cache.resolve("outputs"));

        OutputMemory damaged = OutputMemory.open(cache, output, KEY, false);
        assertThat(damaged.isCurrent(PAGE, "f1")).isFalse();
        assertThat(damaged.intact()).isFalse();

        damaged.remember(PAGE, "f1", Files.size(output.resolve(PAGE)));
        damaged.save();
        assertThat(OutputMemory.open(cache, output, KEY, false).isCurrent(PAGE, "f1")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Foreign.class)
    void aFileOfAnotherVersionOrStoreTrustsNothing(CacheFiles.Foreign foreign) throws IOException {
        foreign.applyTo(cache.resolve("outputs"));

        OutputMemory reopened = OutputMemory.open(cache, output, KEY, false);
        assertThat(reopened.isCurrent(PAGE, "f1")).isFalse();
        assertThat(reopened.intact()).isFalse();
    }

    @Test
    void theOutputAsTheLastBuildLeftItIsIntact() throws IOException {
        assertThat(OutputMemory.open(cache, output, KEY, false).intact()).isTrue();

        Files.delete(output.resolve(PAGE));
        assertThat(OutputMemory.open(cache, output, KEY, false).intact()).isFalse();
    }

    @Test
    void deleteForgetsEverything() throws IOException {
        OutputMemory.delete(cache);

        assertThat(cache.resolve("outputs")).doesNotExist();
        assertThat(OutputMemory.open(cache, output, KEY, false).isCurrent(PAGE, "f1")).isFalse();
    }
}
