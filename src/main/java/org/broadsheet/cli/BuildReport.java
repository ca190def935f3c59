package org.broadsheet.cli;

import java.util.Map;
import org.broadsheet.build.BuildResult;
import org.broadsheet.problem.Problem;
import org.broadsheet.render.Json;

/** The {@code --report} file: outcome, counts, timings and every problem, as JSON for CI dashboards. */
final class BuildReport {
    private BuildReport() {
    }

    static String toJson(BuildResult result, long totalMillis) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"outcome\": ").append(quote(result.outcome().name().toLowerCase(java.util.Locale.ROOT)))
                .append(",\n");
        BuildResult.Stats s = result.stats();
        json.append("  \"stats\": {\"issues\": ").append(s.issues()).append(", \"pages\": ").append(s.pages())
                .append(", \"articles\": ").append(s.articles()).append(", \"filesRendered\": ")
                .append(s.filesRendered()).append(", \"filesKept\": ").append(s.filesKept())
                .append(", \"fromCache\": ").append(s.fromCache()).append(", \"written\": ").append(s.written())
                .append(", \"unchanged\": ").append(s.unchanged()).append(", \"removed\": ").append(s.removed())
                .append(", \"cacheNote\": ").append(quote(s.cacheNote())).append("},\n");
        json.append("  \"millis\": {\"total\": ").append(totalMillis);
        for (Map.Entry<String, Long> stage : result.stageMillis().entrySet()) {
            json.append(", ").append(quote(stage.getKey())).append(": ").append(stage.getValue());
        }
        json.append("},\n  \"errors\": ").append(result.errorCount()).append(",\n  \"warnings\": ")
                .append(result.warningCount()).append(",\n  \"problems\": [");
        String separator = "\n";
        for (Problem p : result.problems()) {
            json.append(separator).append("    ").append(problem(p));
            separator = ",\n";
        }
        json.append(result.problems().isEmpty() ? "]" : "\n  ]");
        // What an upload step needs (rsync --files-from, an object store's sync): the files written or removed.
        json.append(",\n  \"changed\": [");
        separator = "\n";
        for (String path : result.changedFiles()) {
            json.append(separator).append("    ").append(quote(path));
            separator = ",\n";
        }
        json.append(result.changedFiles().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    /** One problem as a JSON object: file (relative to the site, with slashes), line, column, severity, texts. */
    static String problem(Problem p) {
        return "{\"file\": " + quote(p.file().toString().replace('\\', '/')) + ", \"line\": " + p.line()
                + ", \"column\": " + p.column() + ", \"severity\": " + quote(p.severity().label())
                + ", \"message\": " + quote(p.message()) + ", \"hint\": " + quote(p.hint()) + "}";
    }

    static String quote(String text) {
        return Json.write(text);
    }
}
