package org.broadsheet.cache;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * A cache file that is either whole or ignored: written beside its final name and renamed into place,
 * starting with its store's {@link CacheHeader} and ending in a CRC-32C of everything before it, so a torn or
 * damaged file is recognised when read, and a file of another store, version or build key before its contents
 * are.
 */
final class ChecksummedFile {
    private ChecksummedFile() {
    }

    /** What writes a file's contents. */
    @FunctionalInterface
    interface Contents {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /** Writes {@code header}, then the contents, then the checksum, and renames the whole into place. */
    static void write(Path file, CacheHeader header, Contents contents) throws IOException {
        CRC32C crc = new CRC32C();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(temp);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        new CheckedOutputStream(raw, crc), 1 << 16))) {
            header.writeTo(out);
            contents.writeTo(out);
            out.flush();
            raw.write(intBytes((int) crc.getValue()));
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The file's contents past {@code header}, after checking the trailing checksum; empty when the file starts
     * with another header. Throws when the file is missing, or does not match its checksum.
     */
    static Optional<DataInputStream> read(Path file, CacheHeader header) throws IOException {
        byte[] bytes = checkedBytes(file);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
        return header.readFrom(in) ? Optional.of(in) : Optional.empty();
    }

    /**
     * As {@link #read}, for an index whose entries a later save copies byte for byte ({@link IndexInput}).
     */
    static Optional<IndexInput> readIndex(Path file, CacheHeader header) throws IOException {
        IndexInput in = new IndexInput(checkedBytes(file));
        return header.readFrom(in) ? Optional.of(in) : Optional.empty();
    }

    /** The file's bytes, checksum included (the last four), after checking the checksum. */
    private static byte[] checkedBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 4) {
            throw new IOException(file.getFileName() + " is too short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (!Arrays.equals(intBytes((int) crc.getValue()), Arrays.copyOfRange(bytes, bytes.length - 4,
                bytes.length))) {
            throw new IOException(file.getFileName() + " does not match its checksum");
        }
        return bytes;
    }

    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
