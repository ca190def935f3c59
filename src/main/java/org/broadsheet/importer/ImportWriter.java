package org.broadsheet.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.content.ArticleWriter;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.problem.Problem;

/**
 * Writes an imported page's files into a site. A page is written whole or not at all: it is refused, and said
 * why, when its folder already holds any of its files or other articles (they would mix with the imported
 * ones), or when the folder's {@code _page.yml} names another section than the page text's head (another page
 * under the same number). {@code force} writes over the page's own files, each replaced in one rename, and
 * leaves other files alone. Stateless; safe to share.
 */
public final class ImportWriter {
    /**
     * What became of one page.
     *
     * @param files    the files written, or that a dry run would write; empty when the page was refused
     * @param problems why the page was refused, or what {@code force} replaced and left
     */
    public record Outcome(List<PlannedFile> files, List<Problem> problems) {
        public Outcome {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }

        public boolean refused() {
            return files.isEmpty();
        }
    }

    /** Writes {@code page} into the site folder {@code site}; with {@code dryRun}, only says what it would do. */
    public Outcome write(Path site, ImportedPage page, boolean force, boolean dryRun) throws IOException {
        List<PlannedFile> files = PageFiles.of(page);
        PageHeader header = page.header();
        Path folder = ContentLayout.pageFolder(header.date(), header.number());
        if (Files.exists(site.resolve(folder)) && !Files.isDirectory(site.resolve(folder))) {
            return refused(folder, "is a file where the page's folder should be; page not imported");
        }
        List<Problem> problems = new ArrayList<>();
        Path settings = ContentLayout.pageSettings(header.date(), header.number());
        if (Files.isRegularFile(site.resolve(settings))) {
            String section = ArticleWriter.existingSection(settings, site.resolve(settings));
            if (!section.equals(header.section())) {
                String message = "page " + header.number() + " of " + header.date() + " already exists as '"
                        + section + "', but the page text's head says '" + header.section() + "'";
                if (!force) {
                    return refused(settings, message + "; page not imported (is the page number or the date in "
                            + "the head wrong?)");
                }
                problems.add(Problem.warning(settings, 0, 0, message + "; replaced (--force)", ""));
            }
        }
        Set<Path> planned = files.stream().map(PlannedFile::path).collect(Collectors.toSet());
        List<Path> existing = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path file : listed(site, folder)) {
            Path relative = folder.resolve(file.getFileName().toString());
            if (planned.contains(relative)) {
                existing.add(relative);
            } else if (relative.toString().endsWith(ContentLayout.MARKDOWN)) {
                others.add(relative);
            }
        }
        if (!force && (!existing.isEmpty() || !others.isEmpty())) {
            List<Problem> refusals = new ArrayList<>();
            existing.forEach(p -> refusals.add(Problem.warning(p, 0, 0, "already exists; page not imported",
                    "run import again with --force to replace the page's files")));
            others.forEach(p -> refusals.add(Problem.warning(p, 0, 0, "the page already has this article; page "
                    + "not imported, so that imported stories do not mix with it", "move it away, or use --force")));
            return new Outcome(List.of(), refusals);
        }
        others.forEach(p -> problems.add(Problem.warning(p, 0, 0, "not part of the imported page; left as it "
                + "is (--force)", "delete it if the import replaces it")));
        if (!dryRun) {
            Files.createDirectories(site.resolve(folder));
            for (PlannedFile file : files) {
                if (force) {
                    replace(site.resolve(file.path()), file.text());
                } else if (!ArticleWriter.writeNew(site.resolve(file.path()), file.text())) {
                    problems.add(Problem.warning(file.path(), 0, 0, "appeared while importing; left as it is", ""));
                }
            }
        }
        return new Outcome(files, problems);
    }

    private static List<Path> listed(Path site, Path folder) throws IOException {
        if (!Files.isDirectory(site.resolve(folder))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(site.resolve(folder))) {
            // Names starting with a dot are editors' droppings (and ArticleWriter's temporary files).
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Replaces {@code target} in one rename, so that a reader never sees half a file. */
    private static void replace(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Outcome refused(Path path, String message) {
        return new Outcome(List.of(), List.of(Problem.warning(path, 0, 0, message, "")));
    }
}
