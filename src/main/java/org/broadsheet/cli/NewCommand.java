package org.broadsheet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.content.ArticleWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code broadsheet new DATE PAGE --title T}: creates the next article of a page. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = {"Creates the next article of page PAGE of the issue of DATE: content/YYYY/MM/DD/NN/01.md, "
                + "02.md, … with its front matter filled in, and the page's _page.yml when the page is new. "
                + "Never overwrites a file. Prints the paths it wrote."},
        footerHeading = "%nExample:%n",
        footer = {"  broadsheet new 2025-12-12 6 --title 草原上的流动法庭 \\",
                "      --dateline 那吉讯 --section 政法时空",
                "writes content/2025/12/12/06/01.md (or the page's next free number) with",
                "bureau: 呼伦贝尔市, because 那吉 is the seat of 阿荣旗."})
public final class NewCommand implements Callable<Integer> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATE", description = "The issue's date, YYYY-MM-DD.")
    String date;

    @Parameters(index = "1", paramLabel = "PAGE", description = "The page number, 1 to 999.")
    String page;

    @Option(names = "--title", required = true, paramLabel = "T", description = "The headline.")
    String title;

    @Option(names = "--dateline", paramLabel = "D", defaultValue = "",
            description = "The dateline as printed, e.g. 包头讯; a known place also sets the bureau.")
    String dateline;

    @Option(names = "--section", paramLabel = "S", defaultValue = "",
            description = "The page's section (e.g. 政法时空), written to a new page's _page.yml.")
    String section;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = ".",
            description = "The site folder, holding site.yml (default: the current folder).")
    Path site;

    @Override
    public Integer call() throws IOException {
        ArticleWriter.Request request = new ArticleWriter.Request(parseDate(), parsePage(), checkedTitle(),
                dateline.strip(), section.strip());
        PrintWriter err = spec.commandLine().getErr();
        Path cwd = Path.of("").toAbsolutePath();
        Optional<SiteConfig> settings = SiteSettings.loadOrReport(site, err);
        if (settings.isEmpty()) {
            return ExitCodes.PROBLEMS;
        }
        SiteConfig config = settings.get();
        ArticleWriter.Result result = new ArticleWriter(Gazetteer.of(config.bureaus())).write(site, request);
        result.problems().forEach(p -> err.println(ProblemPrinter.format(p, site, cwd)));
        err.flush();
        if (result.refused()) {
            return ExitCodes.PROBLEMS;
        }
        PrintWriter out = spec.commandLine().getOut();
        result.written().forEach(file -> out.println(BuildCommand.display(site.resolve(file), cwd)));
        out.flush();
        return ExitCodes.OK;
    }

    private LocalDate parseDate() {
        try {
            if (date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(date, DATE);
            }
        } catch (DateTimeParseException e) {
            throw usage("DATE '" + date + "' is not a real date (check the month and the day)");
        }
        throw usage("DATE must be YYYY-MM-DD, e.g. 2025-12-12, not '" + date + "'");
    }

    private int parsePage() {
        int number;
        try {
            number = page.matches("[0-9]{1,3}") ? Integer.parseInt(page) : -1;
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > 999) {
            throw usage("PAGE must be a page number from 1 to 999, not '" + page + "'");
        }
        return number;
    }

    private String checkedTitle() {
        if (title.isBlank()) {
            throw usage("--title must not be empty");
        }
        return title.strip();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
