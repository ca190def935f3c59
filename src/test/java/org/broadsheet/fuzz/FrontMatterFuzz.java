package org.broadsheet.fuzz;

import java.nio.file.Path;
import java.time.LocalDate;
import org.broadsheet.content.ArticleReader;
import org.broadsheet.problem.Problem;

/**
 * Fuzz target: any bytes as an article file. Reading must end in an article or in problems with a position,
 * never in an exception. Run by Jazzer by hand (see fuzz/README.md) and replayed over the committed corpus
 * by {@link FuzzCorpusTest} in every build.
 */
public final class FrontMatterFuzz {
    private FrontMatterFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        ArticleReader.Result result = ArticleReader.read(Path.of("content/2025/12/12/01/01.md"), data,
                LocalDate.of(2025, 12, 12), 1, 1);
        if (result.article().isEmpty() && result.problems().stream().noneMatch(Problem::isError)) {
            throw new IllegalStateException("an article was refused without an error");
        }
        for (Problem problem : result.problems()) {
            if (problem.line() < 0 || problem.column() < 0 || problem.message().isBlank()) {
                throw new IllegalStateException("a problem without a usable position or message: " + problem);
            }
        }
    }
}
