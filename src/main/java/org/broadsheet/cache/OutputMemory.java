package org.broadsheet.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.io.IoPool;
import org.broadsheet.render.OutputPaths;
import org.broadsheet.render.RenderMemory;

/**
 * The render memory kept in {@code outputs} of an output folder's cache ({@link OutputSlots}): for each published
 * file, the fingerprint it was rendered from and its size. It belongs to one output folder and one build key;
 * for any other, or when it is unreadable, it remembers nothing and every page is rendered. It is saved only after a successful
 * publish, so it never describes files that were not published.
 *
 * <p>A published file that is missing, or whose size changed (someone edited the output by hand), is
 * rendered again. An edit by hand that keeps the size is not noticed: build with {@code --no-cache}.
 */
public final class OutputMemory implements RenderMemory {
    private static final long MAGIC = 0x4253_4f55_5450_5531L; // "BSOUTPU1"
    private static final int FORMAT = 2; // 2: group keys after the entries
    private static final String FILE = "outputs";

    private final Path file;
    private final CacheHeader header;
    private final KeptEntries<Entry> entries;
    private final Map<String, String> previousGroups;
    private final Map<String, String> currentGroups = new ConcurrentHashMap<>();
    private final boolean intact;
    /** Whether a session that stays up will {@link #resume} this memory for its next build. */
    private final boolean resident;
    /** What the file on disk holds now, while {@link #resident}; null otherwise, or when there is no file. */
    private Remembered onDisk;

    /**
     * @param encoded the entry's bytes in the file it was read from (copied when saving, which is much
     *                cheaper than encoding 100,000 entries again); null when this build learnt it
     */
    private record Entry(String fingerprint, long size, IndexInput.Slice encoded) {
        boolean sameAs(String otherFingerprint, long otherSize) {
            return fingerprint.equals(otherFingerprint) && size == otherSize;
        }
    }

    /** What the file on disk holds: an entry for each published file, a key for each group of files. */
    private record Remembered(Map<String, Entry> entries, Map<String, String> groups) {
        static final Remembered NOTHING = new Remembered(Map.of(), Map.of());
    }

    private OutputMemory(Path file, CacheHeader header, Map<String, Entry> previous,
            Map<String, String> previousGroups, boolean intact, boolean resident, Remembered onDisk) {
        this.file = file;
        this.header = header;
        this.entries = new KeptEntries<>(previous);
        this.previousGroups = previousGroups;
        this.intact = intact;
        this.resident = resident;
        this.onDisk = resident ? onDisk : null;
    }

    /**
     * The memory for publishing into {@code output}; empty when {@code ignoreExisting}, or when what is on disk
     * was written for another output folder or build key, or cannot be read.
     */
    public static OutputMemory open(Path cacheDir, Path output, String buildKey, boolean ignoreExisting)
            throws IOException {
        return open(cacheDir, output, buildKey, ignoreExisting, false);
    }

    /** The file the memory of the output folder whose cache is {@code cacheDir} lives in. */
    static Path file(Path cacheDir) {
        return cacheDir.resolve(FILE);
    }

    /**
     * As {@link #open(Path, Path, String, boolean)}; {@code resident}: for a session that stays up and will
     * {@link #resume} this memory for its next build.
     */
    static OutputMemory open(Path cacheDir, Path output, String buildKey, boolean ignoreExisting,
            boolean resident) throws IOException {
        Files.createDirectories(cacheDir);
        Path file = cacheDir.resolve(FILE);
        CacheHeader header = header(buildKey, output);
        Remembered remembered = Remembered.NOTHING;
        if (!ignoreExisting) {
            try {
                Optional<IndexInput> in = ChecksummedFile.readIndex(file, header);
                remembered = in.isPresent() ? parse(in.get()) : Remembered.NOTHING;
            } catch (IOException | RuntimeException e) {
                remembered = Remembered.NOTHING; // missing or unreadable: render everything, and write a good one afterwards
            }
        }
        Map<String, Entry> present = stillPublished(output.toAbsolutePath().normalize(), remembered.entries());
        return new OutputMemory(file, header, present, remembered.groups(), intact(present, remembered), resident,
                Files.exists(file) ? remembered : null);
    }

    /**
     * The memory for the next build of a session that stays up into {@code output}, made from what this build
     * left on disk without reading the file again; empty when this memory is not {@link #resident} or left no
     * file. Call once the build is over, with no other build having written the file since.
     *
     * @param soleWriter whether nothing but the session writes into the output folder: then the published
     *                   files are as the session left them and are not looked at again; otherwise each is
     *                   checked as when the memory is read from disk
     */
    Optional<OutputMemory> resume(Path output, boolean soleWriter) throws IOException {
        if (!resident || onDisk == null) {
            return Optional.empty();
        }
        Map<String, Entry> present = soleWriter ? onDisk.entries()
                : stillPublished(output.toAbsolutePath().normalize(), onDisk.entries());
        return Optional.of(new OutputMemory(file, header, present, onDisk.groups(), intact(present, onDisk), true,
                onDisk));
    }

    /** Whether every file {@code remembered} lists is {@code present}: the output is as the last build left it. */
    private static boolean intact(Map<String, Entry> present, Remembered remembered) {
        return !present.isEmpty() && present.size() == remembered.entries().size();
    }

    /** The header of the file for builds with {@code buildKey} into {@code output}, whose files it describes. */
    private static CacheHeader header(String buildKey, Path output) {
        return new CacheHeader(MAGIC, FORMAT, buildKey + "; output " + output.toAbsolutePath().normalize());
    }

    /**
     * Whether every file the last build published is still there with its size: the output is as that
     * build left it (as far as sizes tell; see the class comment).
     */
    public boolean intact() {
        return intact;
    }

    /**
     * The entries whose published file is still there with the size it had: one file-system call per page,
     * made by many threads at once, since a large archive has over a hundred thousand pages.
     */
    private static Map<String, Entry> stillPublished(Path output, Map<String, Entry> entries) throws IOException {
        Map<String, Entry> present = new ConcurrentHashMap<>(entries.size() * 2);
        IoPool.forEach(entries.entrySet(), entry -> {
            try {
                BasicFileAttributes published = Files.readAttributes(OutputPaths.resolve(output, entry.getKey()),
                        BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (published.isRegularFile() && published.size() == entry.getValue().size()) {
                    present.put(entry.getKey(), entry.getValue());
                }
            } catch (IOException | IllegalArgumentException e) {
                // missing or unsafe: render it again
            }
        });
        return present;
    }

    @Override
    public boolean isCurrent(String path, String fingerprint) {
        Entry entry = entries.previous(path);
        if (entry == null || !entry.fingerprint().equals(fingerprint)) {
            return false;
        }
        entries.keep(path, entry);
        return true;
    }

    @Override
    public void remember(String path, String fingerprint, long size) {
        Entry known = entries.previous(path);
        if (known != null && known.sameAs(fingerprint, size)) {
            entries.keep(path, known);
            return;
        }
        entries.learn(path, new Entry(fingerprint, size, null));
    }

    @Override
    public boolean keepGroup(String group, String groupKey, List<String> paths) {
        if (!groupKey.equals(previousGroups.get(group))) {
            return false;
        }
        for (String path : paths) {
            if (entries.previous(path) == null) {
                return false; // gone or changed since: its own fingerprint decides
            }
        }
        for (String path : paths) {
            entries.keep(path, entries.previous(path));
        }
        currentGroups.put(group, groupKey);
        return true;
    }

    @Override
    public void rememberGroup(String group, String groupKey) {
        currentGroups.put(group, groupKey);
        if (!groupKey.equals(previousGroups.get(group))) {
            entries.changed();
        }
    }

    /**
     * Removes the memory from disk before publishing starts to replace files: if publishing is killed half
     * way, the next build must not trust fingerprints that describe files which were since replaced (a
     * file reverted to an earlier size would otherwise look current). {@link #save()} writes it again.
     */
    public void forgetOnDisk() throws IOException {
        onDisk = null;
        ChecksummedFile.delete(file);
        entries.changed();
    }

    /** Writes what this build rendered or kept; call only once the files are published. */
    public void save() throws IOException {
        if (entries.unchanged() && currentGroups.size() == previousGroups.size() && Files.exists(file)) {
            return; // every page was kept as it was: the file on disk says exactly this
        }
        List<Map.Entry<String, Entry>> saved = entries.entries(); // unsorted: see ArticleCache.save
        List<Map.Entry<String, String>> groups = List.copyOf(currentGroups.entrySet());
        ChecksummedFile.write(file, header, out -> {
            out.writeInt(saved.size());
            for (Map.Entry<String, Entry> entry : saved) {
                IndexInput.Slice encoded = entry.getValue().encoded();
                if (encoded != null) {
                    encoded.writeTo(out);
                    continue;
                }
                CacheCodec.writeString(out, entry.getKey());
                CacheCodec.writeString(out, entry.getValue().fingerprint());
                out.writeLong(entry.getValue().size());
            }
            out.writeInt(groups.size());
            for (Map.Entry<String, String> group : groups) {
                CacheCodec.writeString(out, group.getKey());
                CacheCodec.writeString(out, group.getValue());
            }
        });
        if (resident) {
            Map<String, Entry> written = new HashMap<>(saved.size() * 2);
            saved.forEach(entry -> written.put(entry.getKey(), entry.getValue()));
            onDisk = new Remembered(written, Map.copyOf(currentGroups));
        }
    }

    /** Forgets everything: the next build renders every page. */
    public static void delete(Path cacheDir) throws IOException {
        ChecksummedFile.delete(cacheDir.resolve(FILE));
    }

    private static Remembered parse(IndexInput in) throws IOException {
        int count = CacheCodec.readCount(in);
        Map<String, Entry> entries = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            int start = in.position();
            String path = CacheCodec.readString(in);
            String fingerprint = CacheCodec.readString(in);
            long size = in.readLong();
            entries.put(path, new Entry(fingerprint, size, in.sliceFrom(start)));
        }
        int groupCount = CacheCodec.readCount(in);
        Map<String, String> groups = new HashMap<>(groupCount * 2);
        for (int i = 0; i < groupCount; i++) {
            groups.put(CacheCodec.readString(in), CacheCodec.readString(in));
        }
        return new Remembered(entries, groups);
    }
}
