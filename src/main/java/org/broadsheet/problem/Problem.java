package org.broadsheet.problem;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * Something wrong with the user's input, found while building. Problems are values collected across the
 * whole build so that the webmaster sees every mistake at once; exceptions are kept for bugs.
 *
 * @param file   the file at fault, relative to the site directory when it lies inside it
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param hint   what to do about it; empty when the message says it all
 */
public record Problem(Path file, int line, int column, Severity severity, String message, String hint) {

    /** Orders problems by file, then position, so that reports are the same from run to run. */
    public static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file().toString().replace('\\', '/'))
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Problem error(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.ERROR, message, hint);
    }

    public static Problem warning(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.WARNING, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same problem, moved down by {@code lines} lines (front matter starts after the opening fence). */
    public Problem shiftedBy(int lines) {
        return line == 0 ? this : new Problem(file, line + lines, column, severity, message, hint);
    }

    /** {@code path:line:col: error: message (hint)}, the format editors and CI logs understand. */
    public String format() {
        StringBuilder out = new StringBuilder(file.toString().replace('\\', '/'));
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ").append(severity.label()).append(": ").append(message);
        if (!hint.isEmpty()) {
            out.append(" (").append(hint).append(')');
        }
        return out.toString();
    }
}
