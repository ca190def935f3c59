package org.broadsheet.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.output.OutputMarker;
import org.broadsheet.output.PathCollisions;
import org.broadsheet.problem.Problem;

/**
 * {@code broadsheet check}: the whole build, every problem it finds, without publishing. The build goes into
 * a folder of the check's own (never the site's output, whose render memory and files stay as the last
 * {@code build} left them), so a second check only does the work an edit calls for. After it, what only the
 * complete set of output paths shows: paths that collide on case-insensitive or Unicode-normalising file
 * systems.
 */
public final class SiteCheck {
    /** How {@link LinkCheck} words a broken link or image: the text as written in the body. */
    private static final Pattern REPORTED_LINK = Pattern.compile("(?:link|image) '(.*)' (?:leads nowhere|not found)");

    private SiteCheck() {
    }

    /** What a check found: the build's outcome and every problem, the build's and the check's own, sorted. */
    public record Findings(BuildResult.Outcome outcome, List<Problem> problems) {
        public Findings {
            problems = List.copyOf(problems);
        }

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }

        public long warnings() {
            return problems.size() - errors();
        }
    }

    /** @param options the build's options, whose output is the check's own folder */
    public static Findings run(BuildSession session, BuildOptions options) throws IOException {
        BuildResult result = session.build(options);
        List<Problem> problems = new ArrayList<>(result.problems());
        if (result.outcome() == BuildResult.Outcome.PUBLISHED) {
            List<String> files = OutputMarker.read(options.outputDir()).flatMap(OutputMarker::files)
                    .orElse(List.of());
            problems.addAll(PublishedLinks.check(options.site(), options.outputDir(), files, reportedLinks(result.problems())));
            for (List<String> group : PathCollisions.among(files)) {
                problems.add(Problem.error(Path.of(group.get(0)), 0, 0, "output paths " + String.join(", ", group)
                        + " name one file on case-insensitive or Unicode-normalising file systems (macOS, Windows)",
                        "give the articles' files, slugs or aliases names that differ by more than case or accents"));
            }
        }
        problems.sort(Problem.ORDER);
        return new Findings(result.outcome(), problems);
    }

    /** The link and image texts the build reported with their source lines, which the check must not repeat. */
    private static Set<String> reportedLinks(List<Problem> problems) {
        Set<String> texts = new HashSet<>();
        for (Problem problem : problems) {
            Matcher matcher = REPORTED_LINK.matcher(problem.message());
            if (matcher.lookingAt()) {
                texts.add(matcher.group(1));
            }
        }
        return texts;
    }
}
