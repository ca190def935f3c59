package org.broadsheet.cli;

import java.nio.file.Path;
import org.broadsheet.problem.Problem;

/** Prints problems with paths the user can open from where they ran the command. */
final class ProblemPrinter {
    private ProblemPrinter() {
    }

    static String format(Problem problem, Path site, Path cwd) {
        Path file = problem.file().isAbsolute() ? problem.file() : site.resolve(problem.file());
        Path shown = Path.of(BuildCommand.display(file, cwd));
        return new Problem(shown, problem.line(), problem.column(), problem.severity(), problem.message(),
                problem.hint()).format();
    }
}
