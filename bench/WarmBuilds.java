import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.broadsheet.build.InputChanges;

/**
 * Times several builds of one site inside one JVM: what a build process that stays up between builds would
 * give. Every `./broadsheet build` starts a fresh JVM, which interprets the code and compiles it while the
 * build runs; here the later rounds run on code the JIT compilers have already finished, with C2 if the
 * options allow it.
 *
 * <pre>
 * java -Xms768m -Xmx768m -Xss8m -XX:+UseParallelGC -XX:MaxTenuringThreshold=0 \
 *      -cp target/broadsheet.jar bench/WarmBuilds.java cold|edit SITE ROUNDS
 * </pre>
 *
 * cold: each round builds SITE from scratch (no build cache) into a new folder SITE/warm-builds/round-N, left
 * there, because deleting many files just before a build slows it on this file system (bench/README.md,
 * "Caveats"). edit: each round appends a line to one article (the first of a month seven months on from the
 * last round's, cycling; replaced by a rename, as editors save files) and rebuilds SITE into SITE/public as
 * `build` does; build SITE once first. edit-told: as edit, telling the session which file changed (as
 * `serve`'s watcher does) from the second round on. preview: as edit-told, timing the session's preview of
 * the edit (the pages of the edited story's issue, what serve shows first) before each build. Prints each round's wall time, files written and time per stage;
 * stops with exit code 1 at a round that does not publish.
 */
public final class WarmBuilds {
    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !List.of("cold", "edit", "edit-told", "preview").contains(args[0])) {
            System.err.println("usage: java -cp target/broadsheet.jar bench/WarmBuilds.java cold|edit|edit-told|preview SITE ROUNDS");
            System.exit(2);
        }
        Path site = Path.of(args[1]).toAbsolutePath().normalize();
        int rounds = Integer.parseInt(args[2]);
        boolean cold = args[0].equals("cold");
        boolean preview = args[0].equals("preview");
        boolean told = args[0].equals("edit-told") || preview;
        List<Path> months = cold ? List.of() : monthFolders(site);
        // edit-told builds as serve does: resident, and the only writer of its output.
        try (BuildSession session = told ? BuildSession.openResident(BuildOptions.defaults(site), true)
                : BuildSession.open(BuildOptions.defaults(site))) {
            buildRounds(session, site, rounds, cold, told, preview, months);
        }
    }

    /** Builds {@code rounds} times through one session, as a process that stays up would. */
    private static void buildRounds(BuildSession session, Path site, int rounds, boolean cold, boolean told,
            boolean preview, List<Path> months) throws IOException {
        for (int round = 1; round <= rounds; round++) {
            BuildOptions options = BuildOptions.defaults(site);
            InputChanges changes = InputChanges.UNKNOWN;
            if (cold) {
                options = options.withCache(false).withOutput(site.resolve("warm-builds").resolve("round-" + round));
            } else {
                Path article = firstArticle(months.get((round * 7) % months.size()));
                append(article, "（第" + round + "次补记）");
                if (told && round > 1) { // the first round lists content/ as serve's first build does
                    changes = InputChanges.of(List.of(site.relativize(article)));
                }
                System.out.print("edited " + site.relativize(article) + ": ");
                if (preview && round > 1) {
                    long start = System.nanoTime();
                    int pages = session.preview(options, changes).map(made -> made.written().size()).orElse(-1);
                    System.out.printf("preview %d ms (%d pages); ", (System.nanoTime() - start) / 1_000_000, pages);
                }
            }
            long start = System.nanoTime();
            BuildResult result = session.build(options, changes);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("round %d: %.2f s, %s, %d files written; %s%n", round, millis / 1000.0,
                    result.outcome(), result.stats().written(), stages(result.stageMillis()));
            if (result.outcome() != BuildResult.Outcome.PUBLISHED) {
                // A failed build's time says nothing about a working one: stop instead of timing more of them.
                result.problems().forEach(problem -> System.out.println(problem));
                System.exit(1);
            }
        }
    }

    private static String stages(Map<String, Long> millis) {
        StringBuilder text = new StringBuilder();
        millis.forEach((stage, ms) -> text.append(stage).append(' ').append(ms).append(" ms  "));
        return text.toString().strip();
    }

    /** content/YYYY/MM, sorted. */
    private static List<Path> monthFolders(Path site) throws IOException {
        List<Path> months = new ArrayList<>();
        for (Path year : sorted(site.resolve("content"))) {
            if (year.getFileName().toString().matches("\\d{4}")) {
                months.addAll(sorted(year));
            }
        }
        if (months.isEmpty()) {
            throw new IOException("no content/YYYY/MM folders in " + site);
        }
        return months;
    }

    /** The month's first article: first day, first page, first file. */
    private static Path firstArticle(Path month) throws IOException {
        for (Path day : sorted(month)) {
            for (Path page : sorted(day)) {
                for (Path file : sorted(page)) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        return file;
                    }
                }
            }
        }
        throw new IOException("no article in " + month);
    }

    private static List<Path> sorted(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }

    private static void append(Path article, String line) throws IOException {
        Path temporary = article.resolveSibling(article.getFileName() + ".tmp");
        String text = Files.readString(article, StandardCharsets.UTF_8);
        Files.writeString(temporary, text + (text.endsWith("\n") ? "" : "\n") + "\n" + line + "\n",
                StandardCharsets.UTF_8);
        Files.move(temporary, article, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
