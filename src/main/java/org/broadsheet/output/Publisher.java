package org.broadsheet.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.broadsheet.io.IoPool;
import org.broadsheet.render.OutputPaths;

/**
 * Publishes a finished staging area into the output folder, in place. Unchanged files are left alone, changed
 * ones replaced by one rename each, and files an earlier build wrote that this one did not are removed.
 * Files Broadsheet never wrote (.git, CNAME) are never touched. Before the first rename a journal records the
 * plan, so a build killed half-way is completed by the next one.
 *
 * <p>What the output holds that Broadsheet owns is listed in the output's own marker ({@link OutputMarker}).
 * State lives in {@code SITE/.broadsheet/}: {@code staging/}, {@code journal} and {@code lock}.
 */
public final class Publisher {
    /** Marks an output folder as Broadsheet's: only such folders are cleaned of stale files. */
    public static final String MARKER = OutputMarker.NAME;
    /** Where Broadsheet before 0.2 listed the files it published, for the one folder it last published to. */
    private static final String LEGACY_MANIFEST = "manifest";

    private final Path stateDir;
    private final Path output;
    private final String siteId;
    /** Changed files moved into the output so far, and how many the publish under way moves; -1: none. */
    private final AtomicInteger replaced = new AtomicInteger();
    private volatile int planned = -1;

    /** @param stateDir the site's state folder, {@code SITE/.broadsheet} */
    public Publisher(Path stateDir, Path output) {
        this.stateDir = stateDir.toAbsolutePath().normalize();
        this.output = output.toAbsolutePath().normalize();
        this.siteId = OutputMarker.siteId(this.stateDir.getParent());
    }

    /**
     * What publishing did.
     *
     * @param changed the output paths whose bytes changed, written or removed, sorted: what a browser showing
     *                one of them must reload
     */
    public record Stats(int written, int unchanged, int removed, List<String> changed) {
        public Stats {
            changed = List.copyOf(changed);
        }
    }

    public Path stagingDir() {
        return stateDir.resolve("staging");
    }

    /**
     * Whether the output folder's marker names this site and lists what it published: the folder is as this
     * site's last publish left it, unless someone changed its files since (which the render memory checks).
     * Another site publishing here with {@code --force} takes the marker over.
     */
    public boolean markedAsPublished() throws IOException {
        return OutputMarker.listingSite(output).filter(siteId::equals).isPresent();
    }

    /** Finishes a publish that an earlier, killed build started; does nothing when none is pending. */
    public void recover() throws IOException {
        Path journal = stateDir.resolve("journal");
        if (!Files.exists(journal)) {
            return;
        }
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            Files.delete(journal);
            return;
        }
        List<Planned> plan = lines.subList(1, lines.size()).stream().filter(line -> !line.isEmpty())
                .map(Planned::parse).toList();
        if (!lines.get(0).equals(output.toString())) {
            // The journal belongs to another output folder: finish it there, as it was planned.
            Publisher elsewhere = new Publisher(stateDir, Path.of(lines.get(0)));
            elsewhere.publishing(() -> elsewhere.apply(plan, elsewhere.owned()), changed(plan));
            return;
        }
        publishing(() -> apply(plan, owned()), changed(plan));
    }

    /** How far the publish under way has come, for a message when the build is stopped; empty when none is. */
    public Optional<Progress> progress() {
        int moving = planned;
        return moving < 0 ? Optional.empty() : Optional.of(new Progress(output, replaced.get(), moving));
    }

    /** A publish under way: {@code replaced} of its {@code planned} changed files are in place. */
    public record Progress(Path output, int replaced, int planned) {
    }

    /** A step of publishing. */
    @FunctionalInterface
    private interface Step {
        Stats run() throws IOException;
    }

    /**
     * Runs a step that changes the output, telling the truth when it fails: which file, which file system,
     * how far it got, and that the journal lets the next build finish.
     */
    private Stats publishing(Step step, int files) throws IOException {
        replaced.set(0);
        planned = files;
        try {
            return step.run();
        } catch (PublishInterrupted e) {
            throw e;
        } catch (IOException e) {
            throw PublishInterrupted.of(output, e, replaced.get(), files);
        } finally {
            planned = -1;
        }
    }

    /**
     * An empty staging area for a new build, discarding whatever an earlier failed build left there. When
     * the output folder does not exist yet, the staging area is laid out as the output will be, so that
     * {@link #publish} can rename it into place.
     */
    public StagingArea freshStaging() throws IOException {
        deleteTree(stagingDir());
        Files.createDirectories(stagingDir());
        return Files.notExists(output, LinkOption.NOFOLLOW_LINKS) ? StagingArea.asTree(stagingDir())
                : new StagingArea(stagingDir(), output);
    }

    /** Throws away the staging area of a build that failed: the output is left exactly as it was. */
    public void discard(StagingArea staging) throws IOException {
        try {
            staging.finish();
        } finally {
            deleteTree(stagingDir());
        }
    }

    /** Publishes the staged files and removes stale ones. */
    public Stats publish(StagingArea staging) throws IOException {
        staging.finish();
        Map<String, String> stagedNames = staging.stagedNames();
        List<String> owned = owned();
        List<Planned> plan = staging.paths(owned).stream()
                .map(path -> new Planned(path, stagedNames.getOrDefault(path, ""))).toList();
        List<String> lines = new ArrayList<>();
        lines.add(output.toString());
        plan.forEach(planned -> lines.add(planned.line()));
        writeAtomically(stateDir.resolve("journal"), String.join("\n", lines) + "\n");
        List<String> files = plan.stream().map(Planned::path).toList();
        int changed = changed(plan);
        return publishing(() -> {
            if (staging.isTree() && renamedIntoPlace(files)) {
                replaced.set(changed);
                return finish(files, plan.size(), owned, files);
            }
            return apply(plan, owned);
        }, changed);
    }

    /**
     * Makes the staging folder the output folder, in one rename, when the output still does not exist: a
     * first build then publishes a hundred thousand files as fast as one. Any failure (the output appeared
     * meanwhile, or lies on another file system) leaves both folders as they were, for the file-by-file way.
     */
    private boolean renamedIntoPlace(List<String> files) throws IOException {
        if (!Files.notExists(output, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        OutputMarker.of(siteId, files).writeInto(stagingDir());
        Files.createDirectories(output.getParent());
        try {
            Files.move(stagingDir(), output, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * One line of the journal: an output path and the name its new bytes are staged under, or no name when
     * the published file was already right. A line without a tab is a path staged under its own name.
     */
    private record Planned(String path, String stagedName) {
        static Planned parse(String line) {
            int tab = line.indexOf('\t');
            return tab < 0 ? new Planned(line, line) : new Planned(line.substring(tab + 1), line.substring(0, tab));
        }

        String line() {
            return stagedName + "\t" + path;
        }
    }

    /** How many files of {@code plan} have new bytes to move into the output. */
    private static int changed(List<Planned> plan) {
        return (int) plan.stream().filter(planned -> !planned.stagedName().isEmpty()).count();
    }

    /** @param owned the files the output held that an earlier build published ({@link #owned()}) */
    private Stats apply(List<Planned> plan, List<String> owned) throws IOException {
        Files.createDirectories(output);
        List<Path[]> moves = new ArrayList<>();
        for (Planned planned : plan) {
            if (!planned.stagedName().isEmpty()) { // else identical to the published file, so never staged
                moves.add(new Path[] {OutputPaths.resolve(stagingDir(), planned.stagedName()),
                        OutputPaths.resolve(output, planned.path())});
            }
        }
        createFolders(moves.stream().map(move -> move[1].getParent()).toList());
        // Moved by many threads: after a template edit there are a hundred thousand of them. Their bytes are
        // not compared with the published ones again: the staging area only staged files that differ.
        AtomicInteger moved = new AtomicInteger();
        IoPool.forEach(moves, move -> {
            if (Files.exists(move[0])) {
                Moves.replace(move[0], move[1]);
                moved.incrementAndGet();
                replaced.incrementAndGet();
            } else { // moved before an interruption, which may have left a copy across file systems half done
                Files.deleteIfExists(Moves.partial(move[1]));
            }
        });
        List<String> written = plan.stream().filter(planned -> !planned.stagedName().isEmpty())
                .map(Planned::path).toList();
        return finish(plan.stream().map(Planned::path).toList(), moved.get(), owned, written);
    }

    /** Removes stale files, records what the output now holds and ends the journal. */
    private Stats finish(List<String> files, int moved, List<String> owned, List<String> written)
            throws IOException {
        List<String> removed = removeStale(new HashSet<>(files), owned);
        OutputMarker.of(siteId, files).writeInto(output);
        if (legacyManifestNamesOutput()) {
            Files.delete(stateDir.resolve(LEGACY_MANIFEST)); // the marker now holds the list
        }
        Files.deleteIfExists(stateDir.resolve("journal"));
        deleteTree(stagingDir());
        TreeSet<String> changed = new TreeSet<>(written);
        changed.addAll(removed);
        return new Stats(moved, files.size() - moved, removed.size(), List.copyOf(changed));
    }

    /**
     * Creates the missing folders among {@code dirs} and their parents inside the output, many at a time:
     * a new site has thousands. Shallower folders are made first, so each one's parent already exists.
     */
    private void createFolders(List<Path> dirs) throws IOException {
        TreeMap<Integer, Set<Path>> missingByDepth = new TreeMap<>();
        Set<Path> seen = new HashSet<>();
        for (Path dir : dirs) {
            for (Path d = dir; d != null && d.startsWith(output) && !d.equals(output) && seen.add(d);
                    d = d.getParent()) {
                if (!Files.isDirectory(d)) {
                    missingByDepth.computeIfAbsent(d.getNameCount(), depth -> new HashSet<>()).add(d);
                }
            }
        }
        for (Set<Path> level : missingByDepth.values()) {
            IoPool.forEach(level.stream().sorted().toList(), dir -> {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir);
                }
            });
        }
    }

    /**
     * The files that earlier builds published in this output folder, sorted, as its marker lists them. An
     * output folder whose marker lists none was published by Broadsheet before 0.2, whose list in the site's
     * state folder counts only when it names this very folder: a list made for another folder must not
     * delete files here that Broadsheet never wrote.
     */
    private List<String> owned() throws IOException {
        Optional<List<String>> listed = OutputMarker.read(output).flatMap(OutputMarker::files);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (!legacyManifestNamesOutput()) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(stateDir.resolve(LEGACY_MANIFEST), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }

    private boolean legacyManifestNamesOutput() throws IOException {
        Path manifest = stateDir.resolve(LEGACY_MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(manifest, StandardCharsets.UTF_8)) {
            return lines.findFirst().filter(output.toString()::equals).isPresent();
        }
    }

    /** Removes the files an earlier build published that this one did not, and returns their paths. */
    private List<String> removeStale(Set<String> current, List<String> owned) throws IOException {
        List<String> removed = new ArrayList<>();
        TreeSet<Path> emptiedDirs = new TreeSet<>((a, b) -> b.getNameCount() - a.getNameCount() != 0
                ? b.getNameCount() - a.getNameCount() : a.compareTo(b));
        for (String path : owned) {
            if (path.isEmpty() || current.contains(path) || OutputPaths.problem(path).isPresent()) {
                continue;
            }
            Path stale = OutputPaths.resolve(output, path);
            if (Files.isRegularFile(stale) && Files.deleteIfExists(stale)) {
                removed.add(path);
                for (Path dir = stale.getParent(); dir != null && !dir.equals(output); dir = dir.getParent()) {
                    emptiedDirs.add(dir);
                }
            }
        }
        for (Path dir : emptiedDirs) { // deepest first
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                // Still holds something: a newer file, or one the user put there.
            }
        }
        return removed;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Moves.replace(temp, file);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Lists regular files under {@code dir}, relative, with '/' separators, sorted. */
    public static List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
