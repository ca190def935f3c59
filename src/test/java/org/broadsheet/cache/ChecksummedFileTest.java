package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every cache file starts with its store's header and ends with a checksum: whole and its own, or not read. */
class ChecksummedFileTest {
    private static final CacheHeader HEADER = new CacheHeader(0x4253_5445_5354_4631L, 4, "key 版本");

    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path file = dir.resolve("store");
        ChecksummedFile.write(file, HEADER, out -> CacheCodec.writeString(out, "第01版 要闻 𠀋"));
        return file;
    }

    @Test
    void whatIsWrittenAfterTheHeaderIsReadBackPastIt() throws IOException {
        Path file = written();

        assertThat(CacheCodec.readString(ChecksummedFile.read(file, HEADER).orElseThrow())).isEqualTo("第01版 要闻 𠀋");
        assertThat(CacheCodec.readString(ChecksummedFile.readIndex(file, HEADER).orElseThrow()))
                .isEqualTo("第01版 要闻 𠀋");
        assertThat(file.resolveSibling("store.tmp")).doesNotExist();
    }

    @Test
    void anotherMagicFormatOrKeyIsNotThisStoresFile() throws IOException {
        Path file = written();

        assertThat(ChecksummedFile.read(file, new CacheHeader(HEADER.magic() + 1, 4, HEADER.key()))).isEmpty();
        assertThat(ChecksummedFile.read(file, new CacheHeader(HEADER.magic(), 5, HEADER.key()))).isEmpty();
        assertThat(ChecksummedFile.read(file, new CacheHeader(HEADER.magic(), 4, "key 版本 2"))).isEmpty();
        assertThat(ChecksummedFile.readIndex(file, new CacheHeader(HEADER.magic(), 4, "key"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = CacheFiles.Damage.class, names = "CUT_SHORT_WITH_A_GOOD_CHECKSUM",
            mode = EnumSource.Mode.EXCLUDE)
    void aDamagedFileThrows(CacheFiles.Damage damage) throws IOException {
        Path file = written();
        damage.applyTo(file);

        assertThatThrownBy(() -> ChecksummedFile.read(file, HEADER)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ChecksummedFile.readIndex(file, HEADER)).isInstanceOf(IOException.class);
    }

    @Test
    void contentsCutShortUnderAGoodChecksumEndEarly() throws IOException {
        Path file = written();
        CacheFiles.Damage.CUT_SHORT_WITH_A_GOOD_CHECKSUM.applyTo(file);

        Optional<DataInputStream> in = ChecksummedFile.read(file, HEADER);
        assertThat(in).isPresent();
        assertThatThrownBy(() -> CacheCodec.readString(in.get())).isInstanceOf(IOException.class);
    }

    @Test
    void aMissingFileThrowsAndDeleteRemovesAHalfWrittenOneToo() throws IOException {
        assertThatThrownBy(() -> ChecksummedFile.read(dir.resolve("store"), HEADER))
                .isInstanceOf(NoSuchFileException.class);
        Path file = written();
        Files.writeString(file.resolveSibling("store.tmp"), "半截");

        ChecksummedFile.delete(file);

        assertThat(file).doesNotExist();
        assertThat(file.resolveSibling("store.tmp")).doesNotExist();
    }
}
