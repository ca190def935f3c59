package org.broadsheet.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker harness itself: a clean page gives nothing, and the mistakes a template could make come back as
 * errors or warnings. Without this, a checker that silently checked nothing would pass NuHtmlCheckTest.
 */
class NuHtmlCheckerTest {
    @TempDir
    static Path temp;
    static NuHtmlChecker checker;

    @BeforeAll
    static void startChecker() {
        checker = new NuHtmlChecker();
    }

    private static List<NuFinding> givenBody(String body) {
        Path file = temp.resolve("page-" + Integer.toHexString(body.hashCode()) + ".html");
        TestSites.write(file, """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>北疆法治报</title></head>
                <body>
                <main>%s</main>
                </body>
                </html>
                """.formatted(body));
        return checker.check(file, "page.html");
    }

    @Test
    void aValidChinesePageHasNoFindings() {
        assertThat(givenBody("<h1>宪法宣传周</h1><p>本报讯 近日，全区广泛开展宣传活动。<br>（张三）</p>")).isEmpty();
    }

    @Test
    void aBlockInsideAnInlineElementIsAnError() {
        assertThat(givenBody("<h1>标题</h1><span><div>块</div></span>"))
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(NuFinding.Severity.ERROR);
                    assertThat(f.message()).contains("“div” not allowed as child of element “span”");
                    assertThat(f.file()).isEqualTo("page.html");
                    assertThat(f.line()).isPositive();
                });
    }

    @Test
    void aSkippedHeadingLevelIsAnError() {
        assertThat(givenBody("<h1>标题</h1><h3>小标题</h3><p>正文</p>"))
                .anySatisfy(f -> assertThat(f.severity()).isEqualTo(NuFinding.Severity.ERROR));
    }

    @Test
    void obsoleteMarkupIsAWarning() {
        assertThat(givenBody("<h1>标题</h1><table><tr><td align=\"right\">1</td></tr></table><p>正文<br/></p>"))
                .extracting(NuFinding::severity).containsOnly(NuFinding.Severity.WARNING).hasSize(2);
    }

    @Test
    void anAllowlistEntryNeedsAReasonAndMatchesTheWholeMessage() {
        NuAllowlist list = NuAllowlist.parse("# comment\nwarning: Section lacks heading\\..*\nreason: 为何保留\n");
        NuFinding warning = new NuFinding("a.html", 1, 1, NuFinding.Severity.WARNING,
                "Section lacks heading. Consider using “h2”-“h6” elements.");
        assertThat(list.entryFor(warning)).isPresent();
        assertThat(list.entryFor(new NuFinding("a.html", 1, 1, NuFinding.Severity.ERROR, warning.message())))
                .as("errors are never allowed").isEmpty();
        assertThat(list.entryFor(new NuFinding("a.html", 1, 1, NuFinding.Severity.WARNING, "A Section lacks heading.")))
                .isEmpty();
        assertThatThrownBy(() -> NuAllowlist.parse("warning: x\nreason:\n")).hasMessageContaining("reason");
        assertThatThrownBy(() -> NuAllowlist.parse("warning: x\n")).hasMessageContaining("no reason");
    }
}
