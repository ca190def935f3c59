package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Both engines, the same expectations: features, raw-HTML policy, URL policy, figures. */
class MarkdownEngineTest {

    static Stream<EngineName> engines() {
        return Stream.of(EngineName.values());
    }

    private static Document render(EngineName engine, HtmlPolicy policy, String markdown) {
        return Jsoup.parseBodyFragment(MarkdownEngines.create(engine, policy).render(markdown).html());
    }

    private static Document render(EngineName engine, String markdown) {
        return render(engine, HtmlPolicy.STRIP, markdown);
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void tablesStrikethroughAutolinksAndFootnotes(EngineName engine) {
        Document doc = render(engine, """
                | 案件类型 | 数量 |
                | --- | ---: |
                | 民事 | 12 |

                ~~旧规定~~已废止，详见 https://example.org/法规 。

                调解成功率达九成[^1]。

                [^1]: 数据截至2025年11月。
                """);
        assertThat(doc.select("table th").eachText()).containsExactly("案件类型", "数量");
        assertThat(doc.select("table td").eachText()).containsExactly("民事", "12");
        assertThat(doc.select("del").text()).isEqualTo("旧规定");
        assertThat(doc.select("a[href^=https://example.org/]")).isNotEmpty();
        assertThat(doc.select("sup a[href^=#fn]")).hasSize(1);
        assertThat(doc.text()).contains("数据截至2025年11月。");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void tableSeparatorCellsNeedOnlyOneDash(EngineName engine) {
        // GFM's rule, and commonmark-java's; flexmark-java asked for three dashes until told otherwise.
        Document doc = render(engine, "| 甲 | 乙 |\n|:-|-:|\n| 1 | 2 |\n");
        assertThat(doc.select("th").eachAttr("style")).containsExactly("text-align: left", "text-align: right");
        assertThat(doc.select("td").eachText()).containsExactly("1", "2");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void tableAlignmentIsAStyleNotTheObsoleteAlignAttribute(EngineName engine) {
        Document doc = render(engine, "| 类型 | 数量 | 备注 | 其他 |\n|:--|:-:|--:|---|\n| 民事 | 12 | 无 | — |\n");
        assertThat(doc.select("[align]")).isEmpty();
        assertThat(doc.select("td").eachAttr("style"))
                .containsExactly("text-align: left", "text-align: center", "text-align: right");
        assertThat(doc.select("td").get(3).hasAttr("style")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void bodyHeadingsStartAtH2UnderThePagesOwnH1(EngineName engine) {
        // The article's headline is the page's h1: a writer's "#" becomes h2, and "###" straight after the
        // headline becomes h2 too rather than skipping a level.
        assertThat(headings(render(engine, "# 一\n\n正文。\n\n## 二\n\n### 三\n"))).containsExactly("h2", "h3", "h4");
        assertThat(headings(render(engine, "### 坐下来\n\n正文。\n\n### 讲法理\n"))).containsExactly("h2", "h2");
        assertThat(headings(render(engine, "## 甲\n\n#### 乙\n\n##### 丙\n"))).containsExactly("h2", "h3", "h4");
        assertThat(headings(render(engine, "标题\n===\n\n副题\n---\n"))).containsExactly("h2", "h3");
        assertThat(headings(render(engine, "> ### 引文里的标题\n\n- ## 列表里的标题\n"))).containsExactly("h2", "h2");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void voidElementsAreWrittenAsHtml5WithoutASlash(EngineName engine) {
        String html = MarkdownEngines.create(engine, HtmlPolicy.STRIP)
                .render("第一行  \n第二行\n\n***\n\n![图](a.png \"图注\")\n\n文中 ![小图](b.png) 。\n\n`<br />`\n").html();
        assertThat(html).doesNotContain("/>").contains("<br>", "<hr>", "<img src=\"a.png\"", "&lt;br /&gt;");
    }

    private static java.util.List<String> headings(Document doc) {
        return doc.select("h1, h2, h3, h4, h5, h6").stream().map(Element::tagName).toList();
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void anImageWithATitleAloneInItsParagraphBecomesAFigure(EngineName engine) {
        Document doc = render(engine, "![活动现场](photo.jpg \"12月4日，工作人员在广场发放资料。\")\n\n正文 ![小图](a.png \"不是图注\") 继续。\n");
        Element figure = doc.selectFirst("figure");
        assertThat(figure).isNotNull();
        assertThat(figure.select("img").attr("src")).isEqualTo("photo.jpg");
        assertThat(figure.select("img").attr("alt")).isEqualTo("活动现场");
        assertThat(figure.select("figcaption").text()).isEqualTo("12月4日，工作人员在广场发放资料。");
        assertThat(doc.select("figure")).hasSize(1);
        assertThat(doc.select("p img").attr("src")).isEqualTo("a.png");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void rawHtmlIsStrippedByDefault(EngineName engine) {
        Document doc = render(engine, "<script>alert(1)</script>\n\n正文<b onclick=\"x()\">加粗</b>。\n");
        assertThat(doc.select("script, b")).isEmpty();
        assertThat(doc.text()).contains("正文").doesNotContain("alert");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void rawHtmlCanBeEscapedOrAllowed(EngineName engine) {
        Document escaped = render(engine, HtmlPolicy.ESCAPE, "正文<b>加粗</b>。\n");
        assertThat(escaped.select("b")).isEmpty();
        assertThat(escaped.text()).contains("<b>加粗</b>");
        Document allowed = render(engine, HtmlPolicy.ALLOW, "正文<b>加粗</b>。\n");
        assertThat(allowed.select("b").text()).isEqualTo("加粗");
    }

    static Stream<String> hostileUrls() {
        return Stream.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "&#106;avascript:alert(1)",
                "java&#x09;script:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
                " javascript:alert(1)");
    }

    @ParameterizedTest
    @MethodSource("hostileUrls")
    void hostileUrlsNeverBecomeLiveLinks(String url) {
        for (EngineName engine : EngineName.values()) {
            Document doc = render(engine, "[链接](" + url + ") ![图](" + url + ")\n\n[参考][r]\n\n[r]: " + url + "\n");
            for (Element element : doc.select("[href], [src]")) {
                String value = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                assertThat(value).as(engine + " " + url).isEqualTo("#");
            }
            assertThat(doc.select("[href], [src]")).as(engine + " " + url).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void safeUrlsPassUntouched(EngineName engine) {
        Document doc = render(engine, "[甲](https://example.org/a?b=1) [乙](../02/) [丙](mailto:x@example.org) "
                + "[丁](#注释)\n");
        assertThat(doc.select("a").eachAttr("href")).containsExactly("https://example.org/a?b=1", "../02/",
                "mailto:x@example.org", "#注释");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void codeFenceInfoStringsAreEscaped(EngineName engine) {
        String html = MarkdownEngines.create(engine, HtmlPolicy.STRIP)
                .render("```\"><script>alert(1)</script>\n代码\n```\n").html();
        assertThat(Jsoup.parseBodyFragment(html).select("script")).isEmpty();
        assertThat(html).doesNotContain("<script");
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void chineseAndSurrogatePairsSurvive(EngineName engine) {
        Document doc = render(engine, "调解员王𬘭说：“**一听二讲三和**。”𠀀字也在。\n");
        assertThat(doc.text()).isEqualTo("调解员王𬘭说：“一听二讲三和。”𠀀字也在。");
        assertThat(doc.select("strong").text()).isEqualTo("一听二讲三和");
    }
}
