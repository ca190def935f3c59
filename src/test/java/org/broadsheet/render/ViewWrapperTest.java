package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.broadsheet.TestSites;
import org.broadsheet.problem.Problems;
import org.broadsheet.render.view.Calendar;
import org.broadsheet.render.view.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A view record is a hash of its components to a template, and nothing more; other records stay closed. */
class ViewWrapperTest {
    @TempDir
    Path site;

    /** A record outside the view package, as a plugin or a mistake could hand to a template. */
    record Outsider(String name) {
    }

    private String render(String text, Object view) throws TemplateEngine.RenderFailure {
        TestSites.write(site.resolve("themes/t/templates/v.ftlh"), text);
        Theme theme = Theme.resolve(site, "t", new Problems()).orElseThrow();
        return new TemplateEngine(site, theme).render("v.ftlh", view);
    }

    @Test
    void aViewsComponentsAreItsNames() throws Exception {
        Link link = new Link("../a.html", "包头讯", true);

        assertThat(render("${href} ${text} ${current?c} ${missing!'无'}", link)).isEqualTo("../a.html 包头讯 true 无");
        assertThat(render("<#list .data_model?keys as k>${k} </#list>", link)).isEqualTo("href text current ");
        assertThat(render("<#list .data_model?values as v>${v?string} </#list>", link))
                .isEqualTo("../a.html 包头讯 true ");
        assertThat(render("${.data_model?size} ${.data_model?has_content?c}", link)).isEqualTo("3 true");
    }

    @Test
    void nestedViewsAndListsOfThemAreViewsToo() throws Exception {
        Calendar calendar = new Calendar("2025年12月", "../12/", List.of(List.of(new Calendar.Day(4, "04/", true))));

        assertThat(render("${title}: <#list weeks as w><#list w as d>${d.day}=${d.href}</#list></#list>", calendar))
                .isEqualTo("2025年12月: 4=04/");
    }

    @Test
    void aViewIsNeitherTextNorAMethod() {
        Link link = new Link("a.html", "文", false);
        for (String hostile : new String[] {"${.data_model}", "${text()}", "${.data_model.getClass()}",
            "${.data_model.toString()}", "${.data_model.hashCode()}", "${.data_model.class}"}) {
            assertThatThrownBy(() -> render(hostile, link)).as(hostile)
                    .isInstanceOf(TemplateEngine.RenderFailure.class);
        }
    }

    @Test
    void aRecordOutsideTheViewPackageShowsNothing() throws Exception {
        assertThatThrownBy(() -> render("${name}", new Outsider("秘密")))
                .isInstanceOf(TemplateEngine.RenderFailure.class);
        assertThat(render("<#list .data_model?keys as k>${k}</#list>", new Outsider("秘密"))).doesNotContain("name")
                .doesNotContain("秘密");
    }
}
