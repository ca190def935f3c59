package org.broadsheet.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.broadsheet.content.ContentListing;
import org.broadsheet.content.IssueSource;
import org.broadsheet.content.PageSource;
import org.broadsheet.content.SettingsMemory;

/**
 * The page and issue settings earlier builds read, kept in {@code SITE/.broadsheet/cache/settings} (see
 * {@link SettingsMemory}). Tied to the build key, like the article cache: another version of Broadsheet may
 * read settings differently. Unreadable, damaged or of another key: ignored, and every file is parsed.
 */
public final class SettingsCache implements SettingsMemory {
    private static final long MAGIC = 0x4253_5345_5454_4731L; // "BSSETTG1"
    private static final int FORMAT = 1;
    private static final String FILE = "settings";
    private static final byte PAGE = 1;
    private static final byte ISSUE = 2;

    private final Path file;
    private final CacheHeader header;
    private final long nowNanos;
    private final KeptEntries<Entry> entries;

    /** One remembered file: exactly one of {@code page} and {@code issue} is set. */
    private record Entry(long size, long modified, PageSource page, IssueSource issue) {
        boolean describes(ContentListing.Listed file) {
            return size == file.size() && modified == file.modified();
        }
    }

    private SettingsCache(Path file, String buildKey, long nowNanos, Map<String, Entry> previous) {
        this.file = file;
        this.header = header(buildKey);
        this.nowNanos = nowNanos;
        this.entries = new KeptEntries<>(previous);
    }

    /**
     * The settings remembered in {@code cacheDir}; none when {@code ignoreExisting}, or when the file is
     * missing, unreadable or written with another build key.
     *
     * @param nowNanos the build's start: files changed within two seconds before it are not remembered
     *                 ({@link RecentChanges})
     */
    public static SettingsCache open(Path cacheDir, String buildKey, boolean ignoreExisting, long nowNanos) {
        Path file = cacheDir.resolve(FILE);
        Map<String, Entry> previous = Map.of();
        if (!ignoreExisting) {
            try {
                Optional<DataInputStream> in = ChecksummedFile.read(file, header(buildKey));
                previous = in.isPresent() ? parse(in.get()) : Map.of();
            } catch (IOException | RuntimeException e) {
                previous = Map.of(); // missing or unreadable: parse every file, and write a good one afterwards
            }
        }
        return new SettingsCache(file, buildKey, nowNanos, previous);
    }

    /** The header of the file for builds with {@code buildKey}. */
    private static CacheHeader header(String buildKey) {
        return new CacheHeader(MAGIC, FORMAT, buildKey);
    }

    @Override
    public Optional<PageSource> page(ContentListing.Listed listed) {
        return recall(listed, Entry::page);
    }

    @Override
    public void remember(ContentListing.Listed listed, PageSource page) {
        learn(listed, new Entry(listed.size(), listed.modified(), page, null));
    }

    @Override
    public Optional<IssueSource> issue(ContentListing.Listed listed) {
        return recall(listed, Entry::issue);
    }

    /** The {@code part} remembered for {@code listed}, when the file is unchanged and has such a part. */
    private <T> Optional<T> recall(ContentListing.Listed listed, Function<Entry, T> part) {
        Entry entry = entries.previous(listed.key());
        if (entry == null || part.apply(entry) == null || !entry.describes(listed)) {
            return Optional.empty();
        }
        entries.keep(listed.key(), entry);
        return Optional.of(part.apply(entry));
    }

    @Override
    public void remember(ContentListing.Listed listed, IssueSource issue) {
        learn(listed, new Entry(listed.size(), listed.modified(), null, issue));
    }

    private void learn(ContentListing.Listed listed, Entry entry) {
        if (RecentChanges.tooRecent(listed.modified(), nowNanos)) {
            return;
        }
        entries.learn(listed.key(), entry);
    }

    /** Writes what this build used and learnt, unless that is exactly what the file already holds. */
    public void save() throws IOException {
        if (entries.unchanged()) {
            return;
        }
        List<Map.Entry<String, Entry>> saved = entries.entries();
        ChecksummedFile.write(file, header, out -> {
            out.writeInt(saved.size());
            for (Map.Entry<String, Entry> entry : saved) {
                CacheCodec.writeString(out, entry.getKey());
                out.writeLong(entry.getValue().size());
                out.writeLong(entry.getValue().modified());
                if (entry.getValue().page() != null) {
                    out.writeByte(PAGE);
                    writePage(out, entry.getValue().page());
                } else {
                    out.writeByte(ISSUE);
                    writeIssue(out, entry.getValue().issue());
                }
            }
        });
    }

    public static void delete(Path cacheDir) throws IOException {
        ChecksummedFile.delete(cacheDir.resolve(FILE));
    }

    private static void writePage(DataOutputStream out, PageSource page) throws IOException {
        CacheCodec.writeString(out, page.dir().toString());
        out.writeLong(page.date().toEpochDay());
        out.writeInt(page.number());
        CacheCodec.writeString(out, page.label());
        CacheCodec.writeString(out, page.section());
        out.writeInt(page.editors().size());
        for (Map.Entry<String, String> editor : page.editors().entrySet()) {
            CacheCodec.writeString(out, editor.getKey());
            CacheCodec.writeString(out, editor.getValue());
        }
        CacheCodec.writeStrings(out, page.banners());
        CacheCodec.writeString(out, page.image().orElse(""));
        CacheCodec.writeString(out, page.pdf().orElse(""));
        CacheCodec.writeStrings(out, page.assets());
    }

    private static PageSource readPage(DataInputStream in) throws IOException {
        Path dir = Path.of(CacheCodec.readString(in));
        LocalDate date = LocalDate.ofEpochDay(in.readLong());
        int number = in.readInt();
        String label = CacheCodec.readString(in);
        String section = CacheCodec.readString(in);
        int editorCount = CacheCodec.readCount(in);
        Map<String, String> editors = new LinkedHashMap<>();
        for (int i = 0; i < editorCount; i++) {
            editors.put(CacheCodec.readString(in), CacheCodec.readString(in));
        }
        List<String> banners = CacheCodec.readStrings(in);
        String image = CacheCodec.readString(in);
        String pdf = CacheCodec.readString(in);
        List<String> assets = CacheCodec.readStrings(in);
        return new PageSource(dir, date, number, label, section, Collections.unmodifiableMap(editors), banners,
                image.isEmpty() ? Optional.empty() : Optional.of(image),
                pdf.isEmpty() ? Optional.empty() : Optional.of(pdf), assets);
    }

    private static void writeIssue(DataOutputStream out, IssueSource issue) throws IOException {
        out.writeLong(issue.date().toEpochDay());
        out.writeBoolean(issue.number().isPresent());
        out.writeInt(issue.number().orElse(0));
        CacheCodec.writeString(out, issue.edition());
        CacheCodec.writeString(out, issue.note());
    }

    private static IssueSource readIssue(DataInputStream in) throws IOException {
        LocalDate date = LocalDate.ofEpochDay(in.readLong());
        boolean numbered = in.readBoolean();
        int number = in.readInt();
        return new IssueSource(date, numbered ? OptionalInt.of(number) : OptionalInt.empty(),
                CacheCodec.readString(in), CacheCodec.readString(in));
    }

    private static Map<String, Entry> parse(DataInputStream in) throws IOException {
        int count = CacheCodec.readCount(in);
        Map<String, Entry> entries = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String key = CacheCodec.readString(in);
            long size = in.readLong();
            long modified = in.readLong();
            byte kind = in.readByte();
            if (kind == PAGE) {
                entries.put(key, new Entry(size, modified, readPage(in), null));
            } else if (kind == ISSUE) {
                entries.put(key, new Entry(size, modified, null, readIssue(in)));
            } else {
                throw new IOException("unknown kind of settings " + kind);
            }
        }
        return entries;
    }
}
