package org.broadsheet.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML page of the built sample through the Nu Html Checker: no errors, and only the warnings that
 * nu-allowlist.txt keeps, each with its reason. A template or Markdown change that makes invalid HTML fails here.
 */
class NuHtmlCheckTest {
    @TempDir
    static Path temp;
    static Path out;
    static List<NuFinding> findings;

    @BeforeAll
    static void checkEveryPage() {
        out = BuiltSample.build(temp);
        NuHtmlChecker checker = new NuHtmlChecker();
        List<NuFinding> all = new ArrayList<>();
        List<String> pages = BuiltSample.htmlFiles(out);
        for (String page : pages) {
            all.addAll(checker.check(out.resolve(page), page));
        }
        findings = List.copyOf(all);
        long errors = findings.stream().filter(f -> f.severity() == NuFinding.Severity.ERROR).count();
        System.out.printf("Nu Html Checker: %d pages, %d errors, %d warnings%n", pages.size(), errors,
                findings.size() - errors);
    }

    @Test
    void theSampleHasManyPagesOfEveryKind() {
        // A build that silently produced nothing would pass the checks below.
        assertThat(BuiltSample.htmlFiles(out)).hasSizeGreaterThan(80)
                .contains("index.html", "404.html", "2025/index.html", "2025/12/index.html", "2025/12/12/index.html",
                        "2025/12/12/03/index.html", "2025/12/12/03/02.html", "bureaus/index.html",
                        "bureaus/baotou/index.html", "bureaus/baotou/page/2/index.html", "pages/about.html");
    }

    @Test
    void noPageHasAnError() {
        assertThat(findings).filteredOn(f -> f.severity() == NuFinding.Severity.ERROR).isEmpty();
    }

    @Test
    void everyWarningIsInTheAllowlist() {
        NuAllowlist allowlist = NuAllowlist.load();
        assertThat(findings).filteredOn(f -> f.severity() == NuFinding.Severity.WARNING)
                .filteredOn(f -> allowlist.entryFor(f).isEmpty())
                .as("warnings not in %s (fix them, or list them there with the reason they stay)",
                        NuAllowlist.RESOURCE)
                .isEmpty();
    }

    @Test
    void everyAllowlistEntryIsStillNeeded() {
        NuAllowlist allowlist = NuAllowlist.load();
        Set<NuAllowlist.Entry> used = new LinkedHashSet<>();
        findings.forEach(f -> allowlist.entryFor(f).ifPresent(used::add));
        assertThat(allowlist.entries()).as("entries of %s that no page needs any more: remove them",
                NuAllowlist.RESOURCE).containsExactlyElementsOf(used.stream()
                        .sorted((a, b) -> allowlist.entries().indexOf(a) - allowlist.entries().indexOf(b)).toList());
    }
}
