package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.broadsheet.TestSites;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.render.view.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A theme's runaway template (a loop without end, endless output, a macro calling itself) is stopped and
 * reported as the theme's error, at the template's file and line and naming the page, instead of hanging
 * the build, filling the heap or passing for a bug in Broadsheet.
 */
@Timeout(60)
class TemplateLimitsTest {
    private static final TemplateLimits TIGHT = new TemplateLimits(Duration.ofMillis(300), 100_000);
    private static final Link VIEW = Link.of("a.html", "普法小课堂");

    @TempDir
    Path site;

    private TemplateEngine givenTemplates(String... nameThenText) {
        for (int i = 0; i < nameThenText.length; i += 2) {
            TestSites.write(site.resolve("themes/t/templates/" + nameThenText[i]), nameThenText[i + 1]);
        }
        return new TemplateEngine(site, Theme.resolve(site, "t", new Problems()).orElseThrow(), TIGHT);
    }

    private static Problem failureOf(TemplateEngine engine, String template, String page) {
        try {
            engine.render(template, VIEW, page);
        } catch (TemplateEngine.RenderFailure failure) {
            return failure.problem();
        }
        throw new AssertionError(template + " rendered");
    }

    @Test
    void aLoopWithoutEndIsStoppedAtItsLine() {
        TemplateEngine engine = givenTemplates("loop.ftlh", "<p>${text}</p>\n<#list 1.. as i><#if i < 0>x</#if></#list>\n");

        Problem problem = failureOf(engine, "loop.ftlh", "2025/12/10/01/03.html");

        assertThat(problem.file()).isEqualTo(Path.of("themes/t/templates/loop.ftlh"));
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("ran for more than", "2025/12/10/01/03.html");
        assertThat(Thread.currentThread().isInterrupted()).as("the stop does not leak to the next page").isFalse();
    }

    @Test
    void endlessOutputIsStoppedAtTheLimitAndItsLine() {
        TemplateEngine engine = givenTemplates("count.ftlh", "<h1>${text}</h1>\n\n<#list 1.. as i>${i} </#list>\n");

        Problem problem = failureOf(engine, "count.ftlh", "index.html");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("wrote more than 100000 characters for index.html");
        assertThat(problem.isError()).isTrue();
    }

    @Test
    void aMacroCallingItselfIsTheThemesErrorNotABug() {
        TemplateEngine engine = givenTemplates("recursion.ftlh", "<#macro again><@again/></#macro>\n<@again/>\n");

        Problem problem = failureOf(engine, "recursion.ftlh", "index.html");

        assertThat(problem.file()).isEqualTo(Path.of("themes/t/templates/recursion.ftlh"));
        assertThat(problem.line()).as("the call that recurses").isEqualTo(1);
        assertThat(problem.message()).contains("calls itself without end");
    }

    @Test
    void recursionThroughAnIncludeIsReportedWhereTheIncludedTemplateCallsBack() {
        TemplateEngine engine = givenTemplates("page.ftlh", "<main>\n<#include \"parts/self.ftlh\">\n</main>\n",
                "parts/self.ftlh", "<div>\n\n<#include \"self.ftlh\">\n</div>\n");

        Problem problem = failureOf(engine, "page.ftlh", "index.html");

        assertThat(problem.file()).isEqualTo(Path.of("themes/t/templates/parts/self.ftlh"));
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).contains("nested too deeply on index.html");
    }

    /**
     * The probe samples FreeMarker's stack from another thread: a sample may catch the template writing its text
     * between two calls (CI once reported line 1 of the template above). The recursion is the frame that recurs.
     */
    @Test
    void theRecursionIsTheFrameThatRecursNotTheTextBeingWritten() {
        String include = "#include \"self.ftlh\"  [in template \"parts/self.ftlh\" at line 3, column 1]";
        String sampled = "\t- Failed at: <div>  [in template \"parts/self.ftlh\" at line 1, column 1]\n"
                + "\t- Reached through: " + include + "\n\t- Reached through: " + include + "\n";

        assertThat(RecursionProbe.fromRecurringFrame(sampled)).startsWith("\t- Reached through: " + include);
        String plain = "\t- Failed at: " + include + "\n\t- Reached through: " + include;
        assertThat(RecursionProbe.fromRecurringFrame(plain)).isEqualTo(plain);
    }

    @Test
    void aLoopInAnIncludedTemplateIsReportedThere() {
        TemplateEngine engine = givenTemplates("page.ftlh", "<main>\n<#include \"parts/list.ftlh\">\n</main>\n",
                "parts/list.ftlh", "<ul>\n<#list 1.. as i><#if i == 0>0</#if></#list>\n</ul>\n");

        Problem problem = failureOf(engine, "page.ftlh", "index.html");

        assertThat(problem.file()).isEqualTo(Path.of("themes/t/templates/parts/list.ftlh"));
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void theOtherPagesOfARunawayTemplateFailAtOnce() {
        TemplateEngine engine = givenTemplates("loop.ftlh", "<#list 1.. as i><#if i < 0>x</#if></#list>");
        Problem first = failureOf(engine, "loop.ftlh", "2025/12/10/01/01.html");

        long start = System.nanoTime();
        Problem second = failureOf(engine, "loop.ftlh", "2025/12/10/01/02.html");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIGHT.time());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void otherTemplatesStillRenderAfterARunaway() throws Exception {
        TemplateEngine engine = givenTemplates("loop.ftlh", "<#list 1.. as i><#if i < 0>x</#if></#list>",
                "fine.ftlh", "<#list 1..3 as i>${i}</#list> ${text}");
        failureOf(engine, "loop.ftlh", "a.html");

        assertThat(engine.render("fine.ftlh", VIEW, "b.html")).isEqualTo("123 普法小课堂");
    }

    @Test
    void aSlowButFiniteTemplateWithinTheLimitRenders() throws Exception {
        TemplateEngine engine = givenTemplates("busy.ftlh", "<#list 1..20000 as i><#if i == 20000>${i}</#if></#list>");

        assertThat(engine.render("busy.ftlh", VIEW, "a.html")).isEqualTo("20000");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineEveryTimeItIsAskedFor() {
        TemplateEngine engine = givenTemplates("syntax.ftlh", "ok\n<#if>\n");

        Problem first = failureOf(engine, "syntax.ftlh", "a.html");
        Problem second = failureOf(engine, "syntax.ftlh", "b.html");

        assertThat(second).isEqualTo(first);
        assertThat(second.line()).isEqualTo(2);
        assertThat(second.message()).startsWith("template syntax error");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new TemplateLimits(Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TemplateLimits(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
