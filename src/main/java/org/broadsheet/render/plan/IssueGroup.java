package org.broadsheet.render.plan;

import java.util.function.Supplier;

/**
 * An issue's own pages (its issue page, printed pages and stories), which read the same part of the archive.
 * A rebuild compares one key for them all instead of one fingerprint each (a ten-year archive has some 3,000
 * issues and 170,000 stories); when the key differs, each page's own key decides as usual.
 *
 * @param inputs everything the issue's pages read, as text ({@code ViewInputs.issueGroup})
 */
record IssueGroup(String name, Supplier<String> inputs) {
}
