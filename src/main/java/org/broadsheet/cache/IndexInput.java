package org.broadsheet.cache;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A checksummed index file's bytes read as data, knowing where each entry lies, so that saving the index
 * again can copy the bytes of the entries that did not change instead of encoding a hundred thousand of them.
 */
final class IndexInput extends DataInputStream {
    private final byte[] bytes;
    private final int end;

    /** The bytes of one entry in the index as it was read. */
    record Slice(byte[] bytes, int start, int length) {
        void writeTo(DataOutputStream out) throws IOException {
            out.write(bytes, start, length);
        }
    }

    /** @param bytes a checksummed file's bytes, the checksum last ({@link ChecksummedFile#readIndex}) */
    IndexInput(byte[] bytes) {
        this(bytes, new ByteArrayInputStream(bytes, 0, bytes.length - 4));
    }

    private IndexInput(byte[] bytes, ByteArrayInputStream raw) {
        super(raw);
        this.bytes = bytes;
        this.end = bytes.length - 4;
    }

    /** How many bytes have been read. */
    int position() throws IOException {
        return end - available();
    }

    /** The bytes read since {@code start}, a {@link #position()} taken earlier. */
    Slice sliceFrom(int start) throws IOException {
        return new Slice(bytes, start, position() - start);
    }
}
