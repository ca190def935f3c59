package org.broadsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.importer.ImportWriter;
import org.broadsheet.importer.ImportedPage;
import org.broadsheet.importer.PageParser;
import org.broadsheet.importer.PlannedFile;
import org.broadsheet.importer.Review;
import org.broadsheet.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code broadsheet import FILE...}: printed-page texts into articles. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = {"Turns each printed page's text (UTF-8 or GBK/GB18030) into content/YYYY/MM/DD/NN/_page.yml "
                + "and one article per story, 01.md, 02.md, … in reading order, taking the date and the page "
                + "number from the page's head. Undoes layout: paragraphs broken across columns, headline lines "
                + "printed into the body, column banners, mixed full- and half-width punctuation; datelines and "
                + "bylines go into front matter. Prints the paths it wrote, and on stderr a review list of every "
                + "decision it was unsure of, with the page text's line numbers. Never overwrites a file "
                + "without --force. Exits 1 only when a page text cannot be read."},
        footerHeading = "%nExamples:%n",
        footer = {"  broadsheet import pages/2025-12-12-06.txt",
                "      writes content/2025/12/12/06/_page.yml, 01.md, 02.md, …",
                "  broadsheet import --dry-run pages/*.txt",
                "      prints every file it would write, and the review list; writes nothing",
                "  broadsheet import --force --site archive pages/2025-12-12-06.txt",
                "      imports into the site in ./archive, replacing the page's earlier import"})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Page text files, one printed page each.")
    List<Path> files;

    @Option(names = "--force", description = "Replace the page's files when they exist (other files are left).")
    boolean force;

    @Option(names = "--dry-run", description = "Print the files it would write, and the review list; write nothing.")
    boolean dryRun;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = ".",
            description = "The site folder, holding site.yml (default: the current folder).")
    Path site;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path cwd = Path.of("").toAbsolutePath();
        Optional<SiteConfig> settings = SiteSettings.loadOrReport(site, err);
        if (settings.isEmpty()) {
            return ExitCodes.PROBLEMS;
        }
        SiteConfig config = settings.get();
        PageParser parser = new PageParser(Gazetteer.of(config.bureaus()));
        ImportWriter writer = new ImportWriter();
        Map<Path, Path> imported = new HashMap<>(); // page folder → the text it came from, in this run
        int unreadable = 0;
        int pages = 0;
        int stories = 0;
        int reviews = 0;
        for (Path file : files) {
            Path shown = Path.of(BuildCommand.display(file, cwd));
            PageParser.Parsed parsed;
            try {
                parsed = parser.parse(shown, Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                parsed = unreadable(shown, "no such file");
            } catch (IOException e) {
                parsed = unreadable(shown, "cannot read the file: " + e.getMessage());
            }
            if (parsed.page().isEmpty()) {
                parsed.problem().ifPresent(p -> err.println(p.format()));
                unreadable++;
                continue;
            }
            ImportedPage page = parsed.page().get();
            Path folder = ContentLayout.pageFolder(page.header().date(), page.header().number());
            Path earlier = imported.putIfAbsent(folder, shown);
            if (earlier != null) {
                err.println(Problem.warning(shown, 0, 0, "page " + page.header().number() + " of "
                        + page.header().date() + " was already imported from " + earlier + "; not imported again",
                        "check the page number and date in the page text's head").format());
                continue;
            }
            for (Review review : page.reviews()) {
                err.println(Problem.warning(shown, review.line(), 0, "review: " + review.message(), "").format());
            }
            reviews += page.reviews().size();
            ImportWriter.Outcome outcome = writer.write(site, page, force, dryRun);
            outcome.problems().forEach(p -> err.println(ProblemPrinter.format(p, site, cwd)));
            if (outcome.refused()) {
                continue;
            }
            pages++;
            stories += page.stories().size();
            for (PlannedFile planned : outcome.files()) {
                String path = BuildCommand.display(site.resolve(planned.path()), cwd);
                if (dryRun) {
                    out.println("==> " + path + " <==");
                    out.print(planned.text());
                    out.println();
                } else {
                    out.println(path);
                }
            }
        }
        err.println((dryRun ? "dry run: would import " : "imported ") + pages + " of " + files.size() + " pages ("
                + stories + " stories); " + reviews + " decisions to review" + (reviews == 0 ? "" : " (listed above)")
                + (unreadable == 0 ? "" : "; " + unreadable + " unreadable"));
        out.flush();
        err.flush();
        return unreadable == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static PageParser.Parsed unreadable(Path file, String message) {
        return new PageParser.Parsed(java.util.Optional.empty(),
                java.util.Optional.of(Problem.error(file, 0, 0, message, "")));
    }
}
