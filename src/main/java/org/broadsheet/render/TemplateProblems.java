package org.broadsheet.render;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.problem.Problem;

/**
 * Turns what FreeMarker throws into the theme's problems, each at the template file and line to fix: the one
 * that holds the mistake, which may be an included template rather than the page's own.
 */
final class TemplateProblems {
    private static final Pattern POSITION = Pattern.compile(
            "\\[in template \"([^\"]*)\"(?: in (?:macro|function) \"[^\"]*\")? at line (\\d+), column (\\d+)]");

    private final Path siteDir;
    private final List<Path> templateDirs;

    TemplateProblems(Path siteDir, List<Path> templateDirs) {
        this.siteDir = siteDir;
        this.templateDirs = templateDirs;
    }

    /** The problem of rendering {@code template}, which threw {@code e}. */
    Problem of(String template, Exception e) {
        // The cause that matters may lie under an #include's failure, or under FreeMarker's "error loading the
        // template on an earlier attempt", which it answers for a template that once failed to load.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParseException syntax) {
                return syntaxError(syntax);
            }
            if (cause instanceof SecurityException) {
                return linkOutside(template);
            }
        }
        if (e instanceof TemplateException failure) {
            String name = failure.getTemplateSourceName() == null ? template : failure.getTemplateSourceName();
            int line = failure.getLineNumber() == null ? 0 : failure.getLineNumber();
            int column = failure.getColumnNumber() == null ? 0 : failure.getColumnNumber();
            return Problem.error(file(name), line, column,
                    "template error: " + firstLine(failure.getMessageWithoutStackTop()),
                    "check the names the template uses against the theme guide in README");
        }
        return Problem.error(file(template), 0, 0, "cannot read template: " + e.getMessage(), "check the file");
    }

    Problem notFound(String template) {
        return Problem.error(templateDirs.isEmpty() ? Path.of("themes") : siteDir.relativize(templateDirs.get(0)),
                0, 0, "template " + template + " not found", "add " + template + " to the theme or to its parent");
    }

    /**
     * A template that ran away, placed at the innermost instruction of FreeMarker's instruction stack
     * {@code where} when there is one, else at the page's template.
     */
    Problem ranAway(String template, String where, String message, String hint) {
        Matcher position = POSITION.matcher(where);
        return position.find()
                ? Problem.error(file(position.group(1)), Integer.parseInt(position.group(2)),
                        Integer.parseInt(position.group(3)), "template " + message, hint)
                : Problem.error(file(template), 0, 0, "template " + message, hint);
    }

    private Problem syntaxError(ParseException e) {
        return Problem.error(file(e.getTemplateName()), e.getLineNumber(), e.getColumnNumber(),
                "template syntax error: " + firstLine(e.getEditorMessage()), "fix the template");
    }

    /**
     * FreeMarker's loader refuses a template that is a symbolic link to a file outside the theme, without
     * saying which: the link is found among the theme's templates, so that the problem names it rather than
     * the page's template that included it.
     */
    private Problem linkOutside(String template) {
        Path link = linkLeavingTheTheme().orElse(file(template));
        return Problem.error(link, 0, 0, "template is a link to a file outside the theme's templates folder",
                "copy the template into the theme instead of linking it");
    }

    private Optional<Path> linkLeavingTheTheme() {
        for (Path dir : templateDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                Optional<Path> link = files.filter(Files::isSymbolicLink).sorted()
                        .filter(file -> !leadsInto(file, dir)).findFirst();
                if (link.isPresent()) {
                    return Optional.of(siteDir.relativize(link.get()));
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean leadsInto(Path link, Path dir) {
        try {
            return link.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The template's file, relative to the site, in the first theme of the chain that has it. */
    Path file(String name) {
        for (Path dir : templateDirs) {
            Path candidate = dir.resolve(name);
            if (Files.exists(candidate)) {
                return siteDir.relativize(candidate);
            }
        }
        return Path.of("themes", name);
    }

    /** FreeMarker's message up to its first "----" tip block, on one line. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : message.strip().split("\n")) {
            if (line.startsWith("----")) {
                break;
            }
            if (!line.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        return text.length() > 240 ? text.substring(0, 240) + "…" : text.toString();
    }
}
