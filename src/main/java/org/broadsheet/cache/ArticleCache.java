package org.broadsheet.cache;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.content.ArticleFile;
import org.broadsheet.content.ArticleSource;
import org.broadsheet.content.FrontMatter;
import org.broadsheet.markdown.LocalTarget;

/**
 * What earlier builds learnt about each article file: its front matter and its rendered body, valid as long
 * as the file's size and modification time are unchanged and the build key (Broadsheet's version, the
 * Markdown engine and its settings) is the same. An unchanged article is neither read nor rendered again.
 *
 * <p>On disk, in {@code SITE/.broadsheet/cache/}: {@code articles} (the index, checksummed, replaced in one
 * rename) and {@code bodies} (a {@link BodyStore}). An index that is missing, unreadable, of another format or
 * build key, or that points past the end of the bodies file is ignored: the build is then a cold one.
 *
 * <p>Only files that produced no problem at all are remembered, so every warning is printed again by every
 * build. Files changed within the last two seconds are not remembered either ({@link RecentChanges}).
 */
public final class ArticleCache implements Closeable {
    /** Bump when the layout of the index, or what a cached value means, changes. */
    private static final int FORMAT = 4; // 4: bodies as UTF-16
    private static final long MAGIC = 0x4253_4341_4348_4531L; // "BSCACHE1"
    private static final String INDEX = "articles";
    private static final String BODIES = "bodies";
    /** Past this much dead space (and more dead than live bytes), the bodies file is started afresh. */
    private static final long SLACK_BYTES = 16L * 1024 * 1024;

    private final Path dir;
    private final CacheHeader header;
    private final BodyStore bodies;
    private final KeptEntries<Entry> entries;
    private final AtomicInteger hits = new AtomicInteger();
    private final String coldReason;
    /**
     * Whether a build session that stays up will start its next build from this cache ({@link #resume()}):
     * then the entries saved stay in memory instead of being dropped for the rendering.
     */
    private final boolean resident;
    /** What the index on disk holds now, while {@link #resident}; null otherwise. */
    private Map<String, Entry> onDisk;

    /**
     * One remembered article file.
     *
     * @param encoded where the entry lies in the index it was read from, so that saving can copy its bytes
     *                instead of encoding it again; null for an entry learnt by this build
     */
    record Entry(String path, long size, long modified, String slug, int bodyFirstLine, FrontMatter front,
            List<LocalTarget> targets, long offset, int length, int checksum, IndexInput.Slice encoded) {
    }


    /**
     * What the cache knows of an unchanged file: enough to skip reading and rendering it.
     *
     * @param targets the body's links and images to files of the site, with their lines in the file: whether
     *                those files exist is asked again by every build, since other files may have changed
     */
    public record Hit(ArticleSource source, BodyStore.StoredBody body, List<LocalTarget> targets) {
    }

    private ArticleCache(Path dir, CacheHeader header, BodyStore bodies, Map<String, Entry> previous,
            String coldReason, boolean resident) {
        this.dir = dir;
        this.header = header;
        this.bodies = bodies;
        this.entries = new KeptEntries<>(previous);
        this.coldReason = coldReason;
        this.resident = resident;
        this.onDisk = resident ? previous : null;
    }

    /**
     * Opens the cache in {@code dir}, or starts an empty one when there is none, it cannot be used, or
     * {@code ignoreExisting} asks for a fresh start.
     */
    public static ArticleCache open(Path dir, String buildKey, boolean ignoreExisting) throws IOException {
        return open(dir, buildKey, ignoreExisting, false);
    }

    /**
     * As {@link #open(Path, String, boolean)}; {@code resident}: for a session that stays up and will
     * {@link #resume()} this cache for its next build.
     */
    static ArticleCache open(Path dir, String buildKey, boolean ignoreExisting, boolean resident)
            throws IOException {
        Files.createDirectories(dir);
        if (ignoreExisting) {
            return fresh(dir, buildKey, "--no-cache", resident);
        }
        if (!Files.exists(dir.resolve(INDEX))) {
            return fresh(dir, buildKey, "no cache yet", resident);
        }
        try {
            Optional<IndexInput> index = ChecksummedFile.readIndex(dir.resolve(INDEX), header(buildKey));
            if (index.isEmpty()) {
                return fresh(dir, buildKey, "the cache was made by another version or with other Markdown settings",
                        resident);
            }
            Loaded loaded = parse(index.get());
            if (mostlyDead(loaded.bodiesLength, loaded.entries)) {
                return fresh(dir, buildKey, "most of the cached bodies were dead; starting the cache afresh", resident);
            }
            BodyStore store = BodyStore.reopen(dir.resolve(BODIES), loaded.generation, loaded.bodiesLength);
            return new ArticleCache(dir, header(buildKey), store, loaded.entries, "", resident);
        } catch (IOException | RuntimeException e) {
            return fresh(dir, buildKey, "the cache could not be read (" + e.getMessage() + ")", resident);
        }
    }

    private static boolean mostlyDead(long bodiesLength, Map<String, Entry> entries) {
        long live = entries.values().stream().mapToLong(Entry::length).sum();
        return bodiesLength - live > Math.max(live, SLACK_BYTES);
    }

    /** The index file, whose identity tells a session whether the cache on disk is still the one it saved. */
    static Path indexFile(Path dir) {
        return dir.resolve(INDEX);
    }

    /**
     * The cache for the next build of a session that stays up, made from what this build left on disk without
     * reading it again; empty when this cache is not {@link #resident}, or its bodies file is mostly dead (then
     * the next build opens the cache from disk, and starts it afresh). The bodies file stays open, shared by
     * both. Call once the build is over, with no other build having written the cache since.
     */
    Optional<ArticleCache> resume() {
        if (!resident || onDisk == null || mostlyDead(bodies.length(), onDisk)) {
            return Optional.empty();
        }
        return Optional.of(new ArticleCache(dir, header, bodies, onDisk, "", true));
    }

    /** The header of the index for builds with {@code buildKey}. */
    private static CacheHeader header(String buildKey) {
        return new CacheHeader(MAGIC, FORMAT, buildKey);
    }

    private static ArticleCache fresh(Path dir, String buildKey, String reason, boolean resident)
            throws IOException {
        Files.deleteIfExists(dir.resolve(INDEX));
        BodyStore store = BodyStore.create(dir.resolve(BODIES), UUID.randomUUID().toString());
        return new ArticleCache(dir, header(buildKey), store, Map.of(), reason, resident);
    }

    /** Why this build starts without cached articles; empty when it has them. */
    public String coldReason() {
        return coldReason;
    }

    /** How many articles were taken from the cache. */
    public int hits() {
        return hits.get();
    }

    /** The cached article when {@code file} is unchanged since it was remembered. Thread-safe. */
    public Optional<Hit> lookup(ArticleFile file) {
        String path = slashed(file.file());
        Entry entry = entries.previous(path);
        if (entry == null || entry.size() != file.size() || entry.modified() != file.modified()) {
            return Optional.empty();
        }
        entries.keep(path, entry);
        hits.incrementAndGet();
        ArticleSource source = new ArticleSource(file.file(), file.date(), file.page(), file.position(),
                entry.slug(), entry.front(), "", entry.bodyFirstLine());
        return Optional.of(new Hit(source, bodies.at(entry.offset(), entry.length(), entry.checksum()),
                entry.targets()));
    }

    /** What reads back the bodies this cache's lookups and stores hand out; open until the cache is closed. */
    public BodyReader bodies() {
        return bodies;
    }

    /** Keeps a newly rendered body; {@link #bodies()} reads it back from disk. Thread-safe. */
    public BodyStore.StoredBody store(String html) {
        return bodies.append(html);
    }

    /**
     * Remembers an article read without problems, unless its file changed too recently to be told apart
     * from a later edit (see the class comment). Thread-safe.
     */
    public void remember(ArticleFile file, ArticleSource source, BodyStore.StoredBody body, List<LocalTarget> targets,
            long nowNanos) {
        if (RecentChanges.tooRecent(file.modified(), nowNanos)) {
            return;
        }
        String path = slashed(file.file());
        entries.learn(path, new Entry(path, file.size(), file.modified(), source.slug(), source.bodyFirstLine(),
                source.front(), List.copyOf(targets), body.offset(), body.length(), body.checksum(), null));
    }

    /**
     * Writes the index of what this build used and remembered; no lookups after this. The bodies are not forced to disk first: after
     * a crash, a body that did not make it fails its checksum and the build starts again without the cache.
     */
    public void save() throws IOException {
        if (entries.unchanged() && Files.exists(dir.resolve(INDEX))) {
            entries.clear();
            return; // every remembered file was used as it was: the index on disk says exactly this
        }
        // Not sorted: the order means nothing to a reader, and sorting 100,000 paths took a fifth of a second.
        List<Entry> saved = entries.values();
        if (resident) {
            onDisk = null; // from here until the new index is in place, neither the old entries nor the new are
        }
        ChecksummedFile.write(dir.resolve(INDEX), header, out -> {
            CacheCodec.writeString(out, bodies.generation());
            out.writeLong(bodies.length());
            out.writeInt(saved.size());
            for (Entry entry : saved) {
                if (entry.encoded() != null) {
                    // A hundred thousand entries are mostly unchanged: copy their bytes rather than encode them.
                    entry.encoded().writeTo(out);
                    continue;
                }
                CacheCodec.writeString(out, entry.path());
                out.writeLong(entry.size());
                out.writeLong(entry.modified());
                CacheCodec.writeString(out, entry.slug());
                out.writeInt(entry.bodyFirstLine());
                CacheCodec.writeFrontMatter(out, entry.front());
                CacheCodec.writeTargets(out, entry.targets());
                out.writeLong(entry.offset());
                out.writeInt(entry.length());
                out.writeInt(entry.checksum());
            }
        });
        if (resident) {
            Map<String, Entry> written = new HashMap<>(saved.size() * 2);
            saved.forEach(entry -> written.put(entry.path(), entry));
            onDisk = written;
        }
        // Only the bodies are read after this: a hundred thousand entries need not stay on the heap through rendering.
        entries.clear();
    }

    /** Forgets everything, on disk too: used when a body turned out to be corrupt. */
    public static void delete(Path dir) throws IOException {
        ChecksummedFile.delete(dir.resolve(INDEX));
        Files.deleteIfExists(dir.resolve(BODIES));
    }

    @Override
    public void close() throws IOException {
        bodies.close();
    }

    private record Loaded(String generation, long bodiesLength, Map<String, Entry> entries) {
    }

    /** The index's contents past its header. */
    private static Loaded parse(IndexInput in) throws IOException {
        String generation = CacheCodec.readString(in);
        long bodiesLength = in.readLong();
        int count = CacheCodec.readCount(in);
        Map<String, Entry> entries = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            int start = in.position();
            String path = CacheCodec.readString(in);
            long size = in.readLong();
            long modified = in.readLong();
            String slug = CacheCodec.readString(in);
            int bodyFirstLine = in.readInt();
            FrontMatter front = CacheCodec.readFrontMatter(in);
            List<LocalTarget> targets = CacheCodec.readTargets(in);
            long offset = in.readLong();
            int length = in.readInt();
            int checksum = in.readInt();
            if (offset < 0 || length < 0 || offset + length > bodiesLength) {
                throw new IOException("a body lies outside the bodies file");
            }
            entries.put(path, new Entry(path, size, modified, slug, bodyFirstLine, front, targets, offset, length,
                    checksum, in.sliceFrom(start)));
        }
        return new Loaded(generation, bodiesLength, entries);
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }
}
