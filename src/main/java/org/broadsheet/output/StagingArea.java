package org.broadsheet.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.io.IoPool;
import org.broadsheet.render.OutputSink;
import org.broadsheet.render.OutputClash;
import org.broadsheet.render.OutputPaths;

/**
 * The folder a build renders into before anything is published. It remembers every path written so that
 * two pages claiming one file (or two names that a case-insensitive or Unicode-normalising file system
 * would merge) are caught instead of one silently overwriting the other.
 *
 * <p>Staged files lie side by side under numbered names, not in the output's tree of folders: creating a
 * folder costs more than creating a file, and the tree is only built once, in the output. A file whose
 * bytes equal the published one is not staged at all, since a rebuild leaves most files as they were.
 * The exception is a first build into an output folder that does not exist yet ({@link #asTree}): its
 * files are staged at their own paths, so that publishing is a single rename of the whole folder instead
 * of one per file. Writes run on an {@link IoPool}; {@link #finish()} waits for them.
 */
public final class StagingArea implements OutputSink {
    private final Path root;
    private final Path published;
    private final Map<String, String> claimed = new ConcurrentHashMap<>();
    private final Map<String, String> staged = new ConcurrentHashMap<>();
    private final AtomicInteger nextName = new AtomicInteger();
    private final boolean tree;
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    private final IoPool io = new IoPool();

    public StagingArea(Path root) {
        this(root, null);
    }

    /** @param published the output folder whose identical files need not be staged again; null for none */
    public StagingArea(Path root, Path published) {
        this(root, published, false);
    }

    private StagingArea(Path root, Path published, boolean tree) {
        this.root = root.toAbsolutePath().normalize();
        this.published = published == null ? null : published.toAbsolutePath().normalize();
        this.tree = tree;
    }

    /** A staging area whose files lie at their output paths, for an output folder that is yet to be made. */
    public static StagingArea asTree(Path root) {
        return new StagingArea(root, null, true);
    }

    public Path root() {
        return root;
    }

    /** Whether {@link #root()} holds the files at their output paths, ready to become the output folder. */
    public boolean isTree() {
        return tree;
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        claim(path);
        io.submit(() -> {
            Path existing = publishedFile(path);
            if (existing != null && Files.size(existing) == bytes.length
                    && Arrays.equals(Files.readAllBytes(existing), bytes)) {
                return;
            }
            Path staged = stage(path);
            try {
                Files.write(staged, bytes);
            } catch (IOException e) {
                throw stagingFailed(path, staged, e);
            }
        });
    }

    @Override
    public void copy(String path, Path source) throws IOException {
        claim(path);
        io.submit(() -> {
            Path existing = publishedFile(path);
            if (existing != null && Files.mismatch(existing, source) == -1) {
                return;
            }
            Path staged = stage(path);
            try {
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw stagingFailed(path, staged, e);
            }
        });
    }

    /**
     * A failure to stage names the output file and the staging area's file system, not the staged file's
     * internal number, which tells the user nothing.
     */
    private FileSystemException stagingFailed(String path, Path staged, IOException e) {
        String reason = PublishInterrupted.reason(e);
        if (e instanceof FileSystemException fs && fs.getFile() != null && !fs.getFile().equals(staged.toString())) {
            reason = fs.getFile() + ": " + reason; // the source of a copy
        }
        FileSystemException named = new FileSystemException(path, null, "cannot be staged in " + root
                + " (file system " + PublishInterrupted.describe(root) + "): " + reason);
        named.initCause(e);
        return named;
    }

    @Override
    public void keep(String path) {
        claim(path);
    }

    /** Waits for every write; throws the first that failed. Call before publishing or discarding. */
    public void finish() throws IOException {
        io.finish();
    }

    /** Every path written (staged or identical to the published file), sorted. */
    public List<String> paths() {
        return paths(List.of());
    }

    /**
     * Every path written, sorted, given the sorted paths of an earlier build: the ones still written keep
     * their order and only the new ones are sorted, then merged in. A rebuild of a large archive writes
     * nearly the same 100,000 paths again, and sorting them from scratch took a third of a second.
     */
    public List<String> paths(List<String> earlier) {
        Set<String> current = new HashSet<>(claimed.values());
        List<String> kept = new ArrayList<>(current.size());
        for (String path : earlier) {
            if (current.contains(path)) {
                if (!kept.isEmpty() && kept.get(kept.size() - 1).compareTo(path) >= 0) {
                    return current.stream().sorted().toList(); // not the sorted list it should be
                }
                kept.add(path);
            }
        }
        if (kept.size() == current.size()) {
            return kept;
        }
        current.removeAll(kept);
        List<String> added = current.stream().sorted().toList();
        List<String> merged = new ArrayList<>(kept.size() + added.size());
        int i = 0;
        int j = 0;
        while (i < kept.size() || j < added.size()) {
            if (j == added.size() || i < kept.size() && kept.get(i).compareTo(added.get(j)) < 0) {
                merged.add(kept.get(i++));
            } else {
                merged.add(added.get(j++));
            }
        }
        return merged;
    }

    /**
     * Whether this build wrote or kept a file at {@code path} (exactly so spelt): a file the output folder
     * will hold once published.
     */
    public boolean claims(String path) {
        return path.equals(claimed.get(OutputPaths.clashKey(path)));
    }

    /** Output path → the staged file's name in {@link #root()}, for the files that differ from the output. */
    public Map<String, String> stagedNames() {
        return Map.copyOf(staged);
    }

    @Override
    public Optional<byte[]> published(String path) throws IOException {
        Path file = publishedFile(path);
        return file == null ? Optional.empty() : Optional.of(Files.readAllBytes(file));
    }

    /** The published file at {@code path}, when there is one to compare with. */
    private Path publishedFile(String path) {
        if (published == null) {
            return null;
        }
        Path file = OutputPaths.resolve(published, path);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? file : null;
    }

    private Path stage(String path) {
        if (tree) {
            Path file = OutputPaths.resolve(root, path);
            // Once per folder; a second file of the same folder waits until the first has made it.
            folders.computeIfAbsent(file.getParent(), StagingArea::createFolder);
            staged.put(path, path);
            return file;
        }
        String name = Integer.toString(nextName.incrementAndGet());
        staged.put(path, name);
        return root.resolve(name);
    }

    private static Boolean createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return Boolean.TRUE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void claim(String path) {
        OutputPaths.check(path); // refuses unsafe paths before anything is claimed
        String key = OutputPaths.clashKey(path);
        String earlier = claimed.putIfAbsent(key, path);
        if (earlier != null) {
            throw new OutputClash(earlier, path);
        }
    }
}
