package org.broadsheet.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.problem.Problem;

/**
 * What the browser shows while the site does not build: every error as {@code file:line:col}, its message
 * and hint, and the source lines around it, the same errors the terminal prints. Drawn over the last good
 * page (so the reader sees at once that this is not the site, and can still read it underneath) or, when
 * no build has succeeded yet, as a page of its own.
 */
final class ErrorPage {
    /** Lines of source shown before and after the line at fault. */
    private static final int CONTEXT = 2;
    /** Longer lines are cut: a minified file must not make the page megabytes long. */
    private static final int LINE_LIMIT = 240;

    private final Path site;

    ErrorPage(Path site) {
        this.site = site;
    }

    /** The panel to put at the end of a page's {@code body}. */
    String panel(List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            errors = problems; // --strict: the warnings are what failed the build
        }
        StringBuilder html = new StringBuilder();
        html.append("<div id=\"broadsheet-error\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;"
                + "overflow:auto;background:#fff;color:#1a1a1a;padding:1.5rem;font:16px/1.6 system-ui,sans-serif\">");
        html.append("<h1 style=\"color:#b00020;font-size:1.4rem;margin:0 0 .5rem\">网站未能生成 · The site did not build</h1>");
        html.append("<p style=\"margin:0 0 1rem\">").append(errors.size())
                .append(" error(s). Fix the file and save it: this page reloads by itself. Other pages show the "
                        + "last site that built.</p>");
        for (Problem problem : errors) {
            html.append("<section style=\"margin:0 0 1.5rem\"><p style=\"margin:0\"><code style=\"font-weight:bold\">")
                    .append(escape(location(problem))).append("</code></p><p style=\"margin:.25rem 0\">")
                    .append(escape(problem.message())).append("</p>");
            if (!problem.hint().isEmpty()) {
                html.append("<p style=\"margin:.25rem 0;color:#555\">").append(escape(problem.hint())).append("</p>");
            }
            excerpt(problem).ifPresent(html::append);
            html.append("</section>");
        }
        html.append("<p><button type=\"button\" onclick=\"this.closest('#broadsheet-error').remove()\">"
                + "Show the last good page</button></p></div>");
        return html.toString();
    }

    /** A whole page around {@code panel}, for when there is no earlier site to draw it over. */
    static String page(String panel) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>The site did not build</title></head><body>" + panel + "</body></html>\n";
    }

    private static String location(Problem problem) {
        String text = problem.file().toString().replace('\\', '/');
        if (problem.line() > 0) {
            text += ":" + problem.line() + (problem.column() > 0 ? ":" + problem.column() : "");
        }
        return text;
    }

    /** The numbered source lines around the problem's line, the line itself marked; empty when unreadable. */
    private Optional<String> excerpt(Problem problem) {
        if (problem.line() <= 0) {
            return Optional.empty();
        }
        Path file = problem.file().isAbsolute() ? problem.file() : site.resolve(problem.file());
        List<String> lines = new ArrayList<>();
        int first = Math.max(1, problem.line() - CONTEXT);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)))) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null && number <= problem.line() + CONTEXT; number++) {
                if (number >= first) {
                    lines.add(line.length() > LINE_LIMIT ? line.substring(0, LINE_LIMIT) + "…" : line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the file is gone or unreadable: the message says enough
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder html = new StringBuilder("<pre style=\"background:#f6f6f6;padding:.5rem;overflow:auto;"
                + "font:14px/1.5 ui-monospace,monospace\">");
        for (int i = 0; i < lines.size(); i++) {
            int number = first + i;
            boolean atFault = number == problem.line();
            html.append(atFault ? "<mark>" : "").append(String.format("%5d%s ", number, atFault ? " >" : "  "))
                    .append(escape(lines.get(i))).append(atFault ? "</mark>" : "").append('\n');
        }
        return Optional.of(html.append("</pre>").toString());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
