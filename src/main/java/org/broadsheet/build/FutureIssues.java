package org.broadsheet.build;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.broadsheet.archive.Archive;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.problem.Problem;
import org.broadsheet.render.PaperTime;

/**
 * Issues dated after the build's clock. The latest issue is the home page and the feeds' "now", so one
 * mistyped folder (content/9999/…) would silently push the real front page aside for as long as the typo
 * lives. It is a warning, not an error: the model has no clock, and the output does not depend on one.
 */
final class FutureIssues {
    /** Papers are made up the evening before their date, and the builder's clock may be in another zone. */
    private static final Duration GRACE = Duration.ofDays(1);

    private FutureIssues() {
    }

    /** A warning for each issue whose day begins after {@code clock} plus a day, in the paper's time zone. */
    static List<Problem> of(Archive archive, PaperTime time, Instant clock) {
        LocalDate latestPlausible = time.dateOf(clock.plus(GRACE));
        return archive.issues().stream()
                .filter(issue -> issue.date().isAfter(latestPlausible))
                .map(issue -> warning(issue.date(), time, clock))
                .toList();
    }

    private static Problem warning(LocalDate date, PaperTime time, Instant clock) {
        Path folder = ContentLayout.issueFolder(date);
        return Problem.warning(folder, 0, 0, "issue folder " + ContentLayout.slashed(folder)
                + "/ is dated more than a day after the build's clock (" + PaperTime.rfc3339(time.at(clock))
                + "); it becomes the home page and the newest issue of the feeds",
                "a typo in the folder name? If the date is right, build with --clock set to when the issue goes out");
    }
}
