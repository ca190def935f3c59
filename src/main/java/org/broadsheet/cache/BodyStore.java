package org.broadsheet.cache;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.broadsheet.archive.Body;
import org.broadsheet.archive.BodyReader;

/**
 * Rendered article bodies, appended one after another to a single file. The model keeps only where each
 * body lies, so a 100,000-article archive does not hold half a gigabyte of HTML in memory; a body is read
 * back when its page is rendered. A body whose bytes no longer match their checksum throws
 * {@link CacheCorrupted}, and the build starts again without the cache. The model's bodies name only where they
 * lie ({@link StoredBody}); the store, which owns the open file, is what reads them.
 *
 * <p>The file only grows: bodies of edited or deleted articles stay behind as dead bytes until the cache
 * decides the file is mostly dead and starts a new one ({@link ArticleCache}).
 *
 * <p>Bodies are kept as UTF-16 (little-endian), a String's own chars, so reading one back is a copy and not a
 * decode: every body is read back twice in a build, for its page and for the search index. Han text, nearly all
 * of a body, takes two bytes a char instead of UTF-8's three.
 */
public final class BodyStore implements BodyReader, Closeable {
    private final Path file;
    private final FileChannel channel;
    private final String generation;
    private long end;

    private BodyStore(Path file, FileChannel channel, String generation, long end) {
        this.file = file;
        this.channel = channel;
        this.generation = generation;
        this.end = end;
    }

    /** A new, empty store at {@code file}, replacing whatever was there. */
    static BodyStore create(Path file, String generation) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return new BodyStore(file, channel, generation, 0);
    }

    /**
     * The existing store at {@code file}, whose first {@code length} bytes an earlier build wrote; bytes past
     * them (from a build that was killed) are overwritten by new bodies.
     */
    static BodyStore reopen(Path file, String generation, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (channel.size() < length) {
            channel.close();
            throw new CacheCorrupted(file + " is shorter than the cache index says");
        }
        return new BodyStore(file, channel, generation, length);
    }

    /** Identifies this file's contents: offsets are only meaningful within one generation. */
    String generation() {
        return generation;
    }

    /** The bytes written so far, dead ones included. */
    synchronized long length() {
        return end;
    }

    /** Appends {@code html} and returns the body that reads it back. Thread-safe. */
    public StoredBody append(String html) {
        byte[] bytes = encode(html);
        long offset;
        synchronized (this) {
            offset = end;
            end += bytes.length;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = offset;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache " + file, e);
        }
        return new StoredBody(generation, offset, bytes.length, checksum(bytes));
    }

    /** A body an earlier build stored. */
    StoredBody at(long offset, int length, int checksum) {
        return new StoredBody(generation, offset, length, checksum);
    }

    /**
     * The HTML of {@code body}: read from this file when it was stored here, or held in memory. A body this
     * store's generation did not write cannot be read from it, since its offset means nothing here.
     */
    @Override
    public String html(Body body) {
        if (body instanceof StoredBody stored) {
            if (!stored.generation().equals(generation)) {
                throw new CacheCorrupted("a body of the build cache's generation " + stored.generation()
                        + " was asked of " + file + ", generation " + generation);
            }
            return read(stored.offset(), stored.length(), stored.checksum());
        }
        return BodyReader.IN_MEMORY.html(body);
    }

    private String read(long offset, int length, int checksum) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            long position = offset;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new CacheCorrupted(file + " ends before the body at " + offset);
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build cache " + file, e);
        }
        if (checksum(buffer.array()) != checksum) {
            throw new CacheCorrupted("the body at " + offset + " in " + file + " does not match its checksum");
        }
        return decode(buffer.array());
    }

    /** {@code html}'s chars as UTF-16LE bytes, copied in bulk. */
    static byte[] encode(String html) {
        char[] chars = html.toCharArray();
        ByteBuffer bytes = ByteBuffer.allocate(chars.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asCharBuffer().put(chars);
        return bytes.array();
    }

    /** The text {@link #encode} made {@code bytes} of. */
    static String decode(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new CacheCorrupted("a body of an odd number of bytes: not one this version wrote");
        }
        char[] chars = new char[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(chars);
        return new String(chars);
    }

    private static int checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * A body kept in a {@link BodyStore}: where it lies, not the store, so that the model holds no open file. Its
     * token names the bytes without reading them.
     */
    public record StoredBody(String generation, long offset, int length, int checksum) implements Body {
        @Override
        public String token() {
            return generation + ":" + offset + ":" + length + ":" + checksum;
        }
    }
}
