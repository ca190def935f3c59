package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.broadsheet.TestSites;
import org.broadsheet.problem.Problems;
import org.broadsheet.render.view.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates escape by default and cannot reach into Java. */
class TemplateEngineTest {
    @TempDir
    Path site;

    private TemplateEngine givenTemplate(String name, String text) {
        TestSites.write(site.resolve("themes/t/templates/" + name), text);
        Theme theme = Theme.resolve(site, "t", new Problems()).orElseThrow();
        return new TemplateEngine(site, theme);
    }

    private static final Link HOSTILE = Link.of("a.html", "<script>alert('王𬘭')</script>");

    @Test
    void valuesAreHtmlEscapedEvenWithoutTheFtlhExtension() throws Exception {
        assertThat(givenTemplate("plain.ftl", "${text}").render("plain.ftl", HOSTILE))
                .isEqualTo("&lt;script&gt;alert(&#39;王𬘭&#39;)&lt;/script&gt;");
        assertThat(givenTemplate("page.ftlh", "<a href=\"${href}\">${text}</a>").render("page.ftlh", HOSTILE))
                .startsWith("<a href=\"a.html\">&lt;script&gt;");
    }

    @Test
    void pagesForFilesAreTheSameTextInUtf8() throws Exception {
        TemplateEngine engine = givenTemplate("p.ftlh", "<p>${text}</p>\n<#list 1..3 as i>第${i}版 </#list>");
        assertThat(engine.renderUtf8("p.ftlh", HOSTILE, "p.html"))
                .isEqualTo(engine.render("p.ftlh", HOSTILE).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void recordComponentsAreVisibleButNoOtherJava() throws Exception {
        TemplateEngine engine = givenTemplate("x.ftlh", "${current?c}");
        assertThat(engine.render("x.ftlh", HOSTILE)).isEqualTo("false");
        for (String hostile : new String[] {"${class}", "${hashCode()}", "${getClass().name}", "${toString()}"}) {
            TemplateEngine attempt = givenTemplate("h.ftlh", hostile);
            assertThatThrownBy(() -> attempt.render("h.ftlh", HOSTILE)).as(hostile)
                    .isInstanceOf(TemplateEngine.RenderFailure.class);
        }
    }

    @Test
    void newAndApiBuiltInsAreRefused() {
        TemplateEngine execute = givenTemplate("n.ftlh",
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        assertThatThrownBy(() -> execute.render("n.ftlh", HOSTILE))
                .isInstanceOf(TemplateEngine.RenderFailure.class);
        TemplateEngine api = givenTemplate("api.ftlh", "${text?api.getClass()}");
        assertThatThrownBy(() -> api.render("api.ftlh", HOSTILE)).isInstanceOf(TemplateEngine.RenderFailure.class);
    }

    @Test
    void includesCannotLeaveTheTheme() {
        TestSites.write(site.resolve("secret.txt"), "secret");
        TemplateEngine engine = givenTemplate("i.ftlh", "<#include \"../../../secret.txt\">");
        assertThatThrownBy(() -> engine.render("i.ftlh", HOSTILE)).isInstanceOf(TemplateEngine.RenderFailure.class);
    }

    @Test
    void aSymlinkedTemplatePointingOutsideTheThemeIsNotFollowed() throws Exception {
        TestSites.write(site.resolve("outside/secret.ftlh"), "secret");
        TemplateEngine engine = givenTemplate("ok.ftlh", "ok");
        java.nio.file.Files.createSymbolicLink(site.resolve("themes/t/templates/link.ftlh"),
                site.resolve("outside/secret.ftlh"));
        assertThatThrownBy(() -> engine.render("link.ftlh", HOSTILE)).isInstanceOf(TemplateEngine.RenderFailure.class);
        assertThat(engine.render("ok.ftlh", HOSTILE)).isEqualTo("ok");
    }

    @Test
    void errorsNameTheTemplateFileAndLine() {
        TemplateEngine engine = givenTemplate("broken.ftlh", "第一行\n${missing}\n");
        assertThatThrownBy(() -> engine.render("broken.ftlh", HOSTILE))
                .isInstanceOfSatisfying(TemplateEngine.RenderFailure.class, failure -> {
                    assertThat(failure.problem().file()).isEqualTo(Path.of("themes/t/templates/broken.ftlh"));
                    assertThat(failure.problem().line()).isEqualTo(2);
                    assertThat(failure.problem().message()).contains("missing");
                });
        TemplateEngine syntax = givenTemplate("syntax.ftlh", "ok\n<#if>\n");
        assertThatThrownBy(() -> syntax.render("syntax.ftlh", HOSTILE))
                .isInstanceOfSatisfying(TemplateEngine.RenderFailure.class,
                        failure -> assertThat(failure.problem().line()).isEqualTo(2));
    }

    @Test
    void anIncludedLinkLeavingTheThemeIsBlamedOnTheLinkEveryTime() throws Exception {
        TestSites.write(site.resolve("outside/part.ftlh"), "part");
        TemplateEngine engine = givenTemplate("article.ftlh", "<main>\n<#include \"part.ftlh\">\n</main>");
        java.nio.file.Files.createSymbolicLink(site.resolve("themes/t/templates/part.ftlh"),
                site.resolve("outside/part.ftlh"));

        for (int page = 0; page < 2; page++) {
            assertThatThrownBy(() -> engine.render("article.ftlh", HOSTILE))
                    .isInstanceOfSatisfying(TemplateEngine.RenderFailure.class, failure -> {
                        assertThat(failure.problem().file()).isEqualTo(Path.of("themes/t/templates/part.ftlh"));
                        assertThat(failure.problem().message()).contains("link to a file outside");
                    });
        }
    }

    @Test
    void aSyntaxErrorInAnIncludeIsReportedThereForEveryPage() {
        TestSites.write(site.resolve("themes/t/templates/part.ftlh"), "第一行\n<#if>\n");
        TemplateEngine engine = givenTemplate("article.ftlh", "<main>\n<#include \"part.ftlh\">\n</main>");

        for (int page = 0; page < 2; page++) {
            assertThatThrownBy(() -> engine.render("article.ftlh", HOSTILE))
                    .isInstanceOfSatisfying(TemplateEngine.RenderFailure.class, failure -> {
                        assertThat(failure.problem().file()).isEqualTo(Path.of("themes/t/templates/part.ftlh"));
                        assertThat(failure.problem().line()).isEqualTo(2);
                        assertThat(failure.problem().message()).startsWith("template syntax error");
                    });
        }
    }

    @Test
    void aChildThemeOverridesItsParentsTemplates() throws Exception {
        TestSites.write(site.resolve("themes/base/templates/a.ftlh"), "base-a");
        TestSites.write(site.resolve("themes/base/templates/b.ftlh"), "base-b");
        TestSites.write(site.resolve("themes/child/theme.yml"), "parent: base\n");
        TestSites.write(site.resolve("themes/child/templates/a.ftlh"), "child-a");
        Theme theme = Theme.resolve(site, "child", new Problems()).orElseThrow();
        TemplateEngine engine = new TemplateEngine(site, theme);
        assertThat(engine.render("a.ftlh", HOSTILE)).isEqualTo("child-a");
        assertThat(engine.render("b.ftlh", HOSTILE)).isEqualTo("base-b");
    }

    @Test
    void aThemeThatInheritsFromItselfIsAProblem() {
        TestSites.write(site.resolve("themes/loop/theme.yml"), "parent: loop\n");
        Problems problems = new Problems();
        assertThat(Theme.resolve(site, "loop", problems)).isEmpty();
        assertThat(problems.sorted()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("inherits from itself"));
    }
}
