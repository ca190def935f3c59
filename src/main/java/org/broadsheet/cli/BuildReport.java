package org.broadsheet.cli;

import java.util.Map;
import org.broadsheet.build.BuildResult;
import org.broadsheet.problem.Problem;

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
                .append(s.filesRendered()).append(", \"written\": ").append(s.written())
                .append(", \"unchanged\": ").append(s.unchanged()).append(", \"removed\": ").append(s.removed())
                .append("},\n");
        json.append("  \"millis\": {\"total\": ").append(totalMillis);
        for (Map.Entry<String, Long> stage : result.stageMillis().entrySet()) {
            json.append(", ").append(quote(stage.getKey())).append(": ").append(stage.getValue());
        }
        json.append("},\n  \"errors\": ").append(result.errorCount()).append(",\n  \"warnings\": ")
                .append(result.warningCount()).append(",\n  \"problems\": [");
        String separator = "\n";
        for (Problem p : result.problems()) {
            json.append(separator).append("    {\"file\": ").append(quote(p.file().toString().replace('\\', '/')))
                    .append(", \"line\": ").append(p.line()).append(", \"column\": ").append(p.column())
                    .append(", \"severity\": ").append(quote(p.severity().label())).append(", \"message\": ")
                    .append(quote(p.message())).append(", \"hint\": ").append(quote(p.hint())).append('}');
            separator = ",\n";
        }
        json.append(result.problems().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
