package org.broadsheet.cli;

import org.broadsheet.build.SiteCheck;
import org.broadsheet.problem.Problem;

/** {@code check --format json}: the findings for machines, one object per problem, paths relative to the site. */
final class CheckReport {
    private CheckReport() {
    }

    static String toJson(SiteCheck.Findings findings) {
        StringBuilder json = new StringBuilder("{\n  \"errors\": ").append(findings.errors())
                .append(",\n  \"warnings\": ").append(findings.warnings()).append(",\n  \"problems\": [");
        String separator = "\n";
        for (Problem p : findings.problems()) {
            json.append(separator).append("    ").append(BuildReport.problem(p));
            separator = ",\n";
        }
        return json.append(findings.problems().isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }
}
