package org.broadsheet.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The first bytes of every cache file: which store wrote it ({@code magic}), in which layout ({@code format})
 * and for which builds ({@code key}: Broadsheet's version and the Markdown settings, and for what is kept per
 * output folder the folder too). A file whose header is not the reader's was written by another store, another
 * version or for other builds, and is ignored like a missing one: the build does the work and writes its own.
 *
 * <p>Each store declares its magic and format once; bump the format when the layout of what follows, or what a
 * kept value means, changes.
 */
record CacheHeader(long magic, int format, String key) {

    void writeTo(DataOutputStream out) throws IOException {
        out.writeLong(magic);
        out.writeInt(format);
        CacheCodec.writeString(out, key);
    }

    /** Reads a header from {@code in} and tells whether it is this one; {@code in} is then past it. */
    boolean readFrom(DataInputStream in) throws IOException {
        // One field at a time: a file of another store is not read past its magic.
        return in.readLong() == magic && in.readInt() == format && CacheCodec.readString(in).equals(key);
    }
}
