package org.broadsheet.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * What can happen to a cache file between two builds, for the stores' tests: every store promises to take a
 * damaged or foreign file for nothing kept, so that the build is a cold one.
 */
final class CacheFiles {
    private CacheFiles() {
    }

    /** A file damaged on disk: a torn write, a bad sector, another program writing over it. */
    enum Damage {
        FLIPPED_BYTE,
        FLIPPED_CHECKSUM,
        TRUNCATED,
        EMPTY,
        SHORTER_THAN_A_CHECKSUM,
        GARBAGE,
        /** Cut short and given a good checksum again: the contents themselves end too early. */
        CUT_SHORT_WITH_A_GOOD_CHECKSUM;

        void applyTo(Path file) {
            byte[] bytes = read(file);
            byte[] damaged = switch (this) {
                case FLIPPED_BYTE -> flipped(bytes, bytes.length / 2);
                case FLIPPED_CHECKSUM -> flipped(bytes, bytes.length - 1);
                case TRUNCATED -> Arrays.copyOf(bytes, bytes.length / 2);
                case EMPTY -> new byte[0];
                case SHORTER_THAN_A_CHECKSUM -> Arrays.copyOf(bytes, 3);
                case GARBAGE -> garbage(bytes.length);
                case CUT_SHORT_WITH_A_GOOD_CHECKSUM -> signed(Arrays.copyOf(bytes, (bytes.length - 4) * 2 / 3));
            };
            write(file, damaged);
        }
    }

    /**
     * A whole, well checksummed file that is not the reader's: written by another version of Broadsheet (another
     * format number) or by another store (another magic number).
     */
    enum Foreign {
        NEWER_FORMAT,
        OLDER_FORMAT,
        OTHER_MAGIC;

        void applyTo(Path file) {
            byte[] bytes = read(file);
            byte[] contents = Arrays.copyOf(bytes, bytes.length - 4);
            ByteBuffer header = ByteBuffer.wrap(contents); // magic (8 bytes), format (4), key
            switch (this) {
                case NEWER_FORMAT -> header.putInt(8, header.getInt(8) + 1);
                case OLDER_FORMAT -> header.putInt(8, header.getInt(8) - 1);
                case OTHER_MAGIC -> header.putLong(0, 0x4253_4f54_4845_5231L); // "BSOTHER1"
            }
            write(file, signed(contents));
        }
    }

    /** {@code contents} followed by their CRC-32C, as {@link ChecksummedFile} ends a file. */
    static byte[] signed(byte[] contents) {
        CRC32C crc = new CRC32C();
        crc.update(contents);
        return ByteBuffer.allocate(contents.length + 4).put(contents).putInt((int) crc.getValue()).array();
    }

    private static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x5a;
        return copy;
    }

    private static byte[] garbage(int length) {
        byte[] bytes = new byte[Math.max(length, 64)];
        new Random(13).nextBytes(bytes);
        return bytes;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
