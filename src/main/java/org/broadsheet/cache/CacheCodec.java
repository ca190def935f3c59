package org.broadsheet.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.content.FrontMatter;
import org.broadsheet.markdown.LocalTarget;

/**
 * Writes and reads the values the cache keeps, field by field in a fixed order. Hand-written rather than
 * Java serialization: the format is ours, versioned by each file's {@link CacheHeader}, and reading a
 * damaged file fails with an {@link IOException} instead of building arbitrary objects.
 */
final class CacheCodec {
    private static final int MAX_STRING_BYTES = 64 * 1024 * 1024;
    private static final int MAX_ITEMS = 1_000_000;
    private static final byte TEXT = 1;
    private static final byte LIST = 2;
    private static final byte MAP = 3;

    private CacheCodec() {
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("bad string length " + length);
        }
        if (length == 0) {
            return "";
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("the file ends inside a string"); // damaged, not a shorter string
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ITEMS) {
            throw new IOException("bad count " + count);
        }
        return count;
    }

    static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int count = readCount(in);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return List.copyOf(values);
    }

    private static void writeOptionalInt(DataOutputStream out, OptionalInt value) throws IOException {
        out.writeBoolean(value.isPresent());
        out.writeInt(value.orElse(0));
    }

    private static OptionalInt readOptionalInt(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        int value = in.readInt();
        return present ? OptionalInt.of(value) : OptionalInt.empty();
    }

    /** A body's links and images to files of the site: nearly always none, so one int for most articles. */
    static void writeTargets(DataOutputStream out, List<LocalTarget> targets) throws IOException {
        out.writeInt(targets.size());
        for (LocalTarget target : targets) {
            out.writeByte(target.kind().ordinal());
            writeString(out, target.path());
            out.writeInt(target.line());
        }
    }

    static List<LocalTarget> readTargets(DataInputStream in) throws IOException {
        int count = readCount(in);
        if (count == 0) {
            return List.of();
        }
        List<LocalTarget.Kind> kinds = List.of(LocalTarget.Kind.values());
        List<LocalTarget> targets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = in.readByte();
            if (kind < 0 || kind >= kinds.size()) {
                throw new IOException("unknown target kind " + kind);
            }
            targets.add(new LocalTarget(kinds.get(kind), readString(in), in.readInt()));
        }
        return List.copyOf(targets);
    }

    /** Front-matter values: strings, lists and maps of them, as {@code extra:} allows. */
    private static void writePlain(DataOutputStream out, Object value) throws IOException {
        if (value instanceof String text) {
            out.writeByte(TEXT);
            writeString(out, text);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                writePlain(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeString(out, (String) entry.getKey());
                writePlain(out, entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("not a front-matter value: " + value);
        }
    }

    private static Object readPlain(DataInputStream in, int depth) throws IOException {
        if (depth > 200) {
            throw new IOException("values nested too deeply");
        }
        byte type = in.readByte();
        switch (type) {
            case TEXT:
                return readString(in);
            case LIST: {
                int count = readCount(in);
                List<Object> list = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    list.add(readPlain(in, depth + 1));
                }
                return Collections.unmodifiableList(list);
            }
            case MAP: {
                int count = readCount(in);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    map.put(readString(in), readPlain(in, depth + 1));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                throw new IOException("unknown value type " + type);
        }
    }

    static void writeFrontMatter(DataOutputStream out, FrontMatter front) throws IOException {
        writeString(out, front.title());
        writeString(out, front.kicker());
        writeString(out, front.subtitle());
        writeString(out, front.dateline());
        writeString(out, front.bureau());
        writeStrings(out, front.authors());
        writeString(out, front.source());
        writeStrings(out, front.tags());
        out.writeBoolean(front.slug().isPresent());
        writeString(out, front.slug().orElse(""));
        writeOptionalInt(out, front.order());
        out.writeBoolean(front.draft());
        out.writeBoolean(front.withdrawn());
        out.writeLong(front.date().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE));
        writeOptionalInt(out, front.page());
        writeOptionalInt(out, front.continues());
        out.writeInt(front.area().size());
        for (double value : front.area()) {
            out.writeDouble(value);
        }
        writeStrings(out, front.aliases());
        writePlain(out, front.extra());
        out.writeInt(front.keyLines().size());
        for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(front.keyLines()).entrySet()) {
            // The keys are nearly always front matter's own: one byte each instead of the name, read 100,000 times.
            int known = FrontMatter.KEYS.indexOf(entry.getKey());
            out.writeByte(known);
            if (known < 0) {
                writeString(out, entry.getKey());
            }
            out.writeInt(entry.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    static FrontMatter readFrontMatter(DataInputStream in) throws IOException {
        String title = readString(in);
        String kicker = readString(in);
        String subtitle = readString(in);
        String dateline = readString(in);
        String bureau = readString(in);
        List<String> authors = readStrings(in);
        String source = readString(in);
        List<String> tags = readStrings(in);
        boolean hasSlug = in.readBoolean();
        String slug = readString(in);
        OptionalInt order = readOptionalInt(in);
        boolean draft = in.readBoolean();
        boolean withdrawn = in.readBoolean();
        long epochDay = in.readLong();
        OptionalInt page = readOptionalInt(in);
        OptionalInt continues = readOptionalInt(in);
        int areaCount = readCount(in);
        List<Double> area = new ArrayList<>(areaCount);
        for (int i = 0; i < areaCount; i++) {
            area.add(in.readDouble());
        }
        List<String> aliases = readStrings(in);
        Object extra = readPlain(in, 0);
        if (!(extra instanceof Map<?, ?>)) {
            throw new IOException("extra is not a map");
        }
        int lineCount = readCount(in);
        Map<String, Integer> keyLines = new java.util.HashMap<>();
        for (int i = 0; i < lineCount; i++) {
            int known = in.readByte();
            if (known >= FrontMatter.KEYS.size()) {
                throw new IOException("unknown front matter key " + known);
            }
            keyLines.put(known < 0 ? readString(in) : FrontMatter.KEYS.get(known), in.readInt());
        }
        return new FrontMatter(title, kicker, subtitle, dateline, bureau, authors, source, tags,
                hasSlug ? Optional.of(slug) : Optional.empty(), order, draft, withdrawn,
                epochDay == Long.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(epochDay)),
                page, continues, List.copyOf(area), aliases, (Map<String, Object>) extra, Map.copyOf(keyLines));
    }
}
