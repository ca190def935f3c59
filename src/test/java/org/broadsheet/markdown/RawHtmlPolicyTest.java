package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The raw-HTML policy ({@code strip}, the default; {@code escape}; {@code allow}) gives the same visible result
 * with both engines: the same elements with the same attributes, the same text, the same comments, once jsoup
 * has parsed the output as a browser would. And each policy does what it says.
 */
class RawHtmlPolicyTest {
    /** Everything Markdown itself produces; with {@code strip} and {@code escape} nothing else may appear. */
    private static final Set<String> MARKDOWN_TAGS = Set.of("p", "em", "strong", "a", "img", "code", "pre",
            "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "del", "table", "thead",
            "tbody", "tr", "th", "td", "sup", "figure", "figcaption");
    private static final Pattern ONE_LINE_TAG = Pattern.compile("</?[a-zA-Z][^<>\\n]*>");

    static List<String> inputs() {
        return List.of(
                "正文<b onclick=\"x()\">加粗</b>。\n",
                "前<span style=\"color:red\">红</span>后，<br>换行<br/>再<img src=\"x.jpg\">。\n",
                "前</b>后，孤立的结束标签\n",
                "<div class=\"box\">\n块 *强调*\n</div>\n\n后文\n",
                "<div>\n\n*块里的 Markdown*\n\n</div>\n",
                "<p align=\"center\">居中</p>\n",
                "<table><tr><td>旧表格</td></tr></table>\n\n正文\n",
                "前<!-- 注释 -->后\n",
                "<!-- 块注释\n多行 -->\n\n正文\n",
                "<!-- 转版 -->\n",
                "<script>alert(1)</script>\n\n正文\n",
                "正文<script>alert(1)</script>尾\n",
                "<script>\nif (a < b) { alert(1) }\n\n</script>\n\n尾\n",
                "<style>p { color: red }</style>\n",
                "<iframe src=\"https://example.org/\"></iframe>\n",
                "<img src=\"x.jpg\" onerror=\"alert(1)\">\n",
                "文字 <a href=\"javascript:alert(1)\">链</a> 尾\n",
                "<?php echo 1; ?>\n\n正文\n",
                "前<?php echo 1; ?>后\n",
                "<![CDATA[ x < y ]]>\n\n正文\n",
                "前<![CDATA[ x ]]>后\n",
                "<!DOCTYPE html>\n\n正文\n",
                "<pre>\n  预格式 <b>粗</b>\n</pre>\n",
                "- 甲<b>乙</b>\n- <i>丙</i>\n\n  <div>块</div>\n",
                "1. <script>alert(1)</script>\n2. <!-- 注 -->项\n",
                "> 引<span>文</span>\n>\n> <div>块</div>\n",
                "> <script>alert(1)</script>\n",
                "> <!-- 引文里的\n> 多行注释 -->\n>\n> <div>\n> 块\n> </div>\n",
                "- <!-- 列表里的\n  多行注释 -->\n",
                "| 甲 | 乙 |\n| --- | --- |\n| <b>粗</b> | <script>x</script> |\n| <!-- c --> | <?pi?> |\n",
                "# 标题<b>粗</b>\n\n## <span>副</span>\n",
                "*强<b>调*</b>\n",
                "[链<b>接</b>](https://example.org/)\n",
                "![图<b>x</b>](a.jpg)\n",
                "![图](a.jpg \"<b>图注</b>\")\n",
                "`<b>代码里的标签</b>`\n\n```\n<script>alert(1)</script>\n```\n",
                "\\<b>转义\\</b>\n");
    }

    static Stream<Arguments> policyInputs() {
        return Stream.of(HtmlPolicy.values()).flatMap(policy -> inputs().stream().map(in -> Arguments.of(policy, in)));
    }

    private static Document render(EngineName engine, HtmlPolicy policy, String markdown) {
        return Jsoup.parseBodyFragment(TestEngines.render(engine, policy, markdown));
    }

    /** What a reader gets: elements in order with their attributes, comments, and the text. */
    private static List<String> visible(Document doc) {
        List<String> parts = new ArrayList<>();
        NodeTraversor.traverse((Node node, int depth) -> {
            if (node instanceof Element element && element != doc.body() && depth > 0) {
                TreeSet<String> attributes = new TreeSet<>();
                for (Attribute attribute : element.attributes()) {
                    attributes.add(attribute.getKey() + "=" + attribute.getValue());
                }
                parts.add("<" + element.tagName() + " " + attributes + ">");
            } else if (node instanceof Comment comment) {
                parts.add("<!--" + comment.getData().strip() + "-->");
            } else if (node instanceof DataNode data) {
                parts.add("data:" + data.getWholeData().strip());
            }
        }, doc.body());
        parts.add("text: " + doc.body().text());
        return parts;
    }

    private static List<String> tags(Document doc) {
        return doc.body().select("*").stream().filter(e -> e != doc.body()).map(Element::tagName).toList();
    }

    private static boolean hasComments(Document doc) {
        return visible(doc).stream().anyMatch(part -> part.startsWith("<!--"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("policyInputs")
    void bothEnginesShowTheSame(HtmlPolicy policy, String markdown) {
        List<String> flexmark = visible(render(EngineName.FLEXMARK, policy, markdown));
        List<String> commonmark = visible(render(EngineName.COMMONMARK, policy, markdown));
        assertThat(flexmark).as("%s %s", policy, markdown).isEqualTo(commonmark);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("policyInputs")
    void eachPolicyDoesWhatItSays(HtmlPolicy policy, String markdown) {
        for (EngineName engine : EngineName.values()) {
            Document doc = render(engine, policy, markdown);
            String context = engine + " " + policy + " " + markdown;
            switch (policy) {
                case STRIP -> {
                    assertThat(tags(doc)).as(context).allMatch(MARKDOWN_TAGS::contains);
                    assertThat(hasComments(doc)).as(context).isFalse();
                    for (String tag : oneLineTagsOutsideCode(markdown)) {
                        assertThat(doc.body().text()).as(context).doesNotContain(tag);
                    }
                }
                case ESCAPE -> {
                    assertThat(tags(doc)).as(context).allMatch(MARKDOWN_TAGS::contains);
                    assertThat(hasComments(doc)).as(context).isFalse();
                    for (String tag : oneLineTagsOutsideCode(markdown)) {
                        assertThat(doc.body().text()).as(context).contains(tag);
                    }
                }
                case ALLOW -> {
                    String html = TestEngines.render(engine, policy, markdown);
                    // As written, but for a void element's XHTML slash (<br/> → <br>), which HTML5 ignores and
                    // the Nu Html Checker warns about: all void tags of a body lose it, a writer's too.
                    for (String tag : oneLineTagsOutsideCode(markdown)) {
                        assertThat(html).as(context).contains(Html5Markup.withoutVoidSlashes(tag));
                    }
                }
            }
        }
    }

    /** The raw HTML tags written on one line, outside code, image descriptions and titles, and not escaped. */
    private static List<String> oneLineTagsOutsideCode(String markdown) {
        String prose = markdown.replaceAll("(?s)```.*?```", "").replaceAll("`[^`]*`", "")
                .replaceAll("!\\[[^\\]]*]\\([^)]*\\)", "").replaceAll("\\\\<[^>]*>", "");
        List<String> tags = new ArrayList<>();
        Matcher matcher = ONE_LINE_TAG.matcher(prose);
        while (matcher.find()) {
            tags.add(matcher.group());
        }
        return tags;
    }

    @ParameterizedTest
    @EnumSource(HtmlPolicy.class)
    void htmlInFootnotesFollowsThePolicyToo(HtmlPolicy policy) {
        // The engines mark footnotes up differently (README: Markdown engines), so compare the notes' content.
        String markdown = "注[^1]\n\n[^1]: 脚注<b>粗</b><script>alert(1)</script><!-- c -->\n";
        List<List<String>> notes = new ArrayList<>();
        for (EngineName engine : EngineName.values()) {
            Document doc = render(engine, policy, markdown);
            Element note = doc.selectFirst("li[id=fn-1]");
            assertThat(note).as(engine.toString()).isNotNull();
            note.select("a.footnote-backref").remove();
            notes.add(visible(Jsoup.parseBodyFragment(note.html())));
            assertThat(note.select("b, script").isEmpty()).isEqualTo(policy != HtmlPolicy.ALLOW);
        }
        assertThat(notes.get(0)).isEqualTo(notes.get(1));
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void stripRemovesBlocksWholeAndInlineTagsAlone(EngineName engine) {
        Document block = render(engine, HtmlPolicy.STRIP, "<script>\nalert(1)\n</script>\n\n<div>\n块\n</div>\n\n正文\n");
        assertThat(block.body().text()).isEqualTo("正文");
        Document inline = render(engine, HtmlPolicy.STRIP, "正文<script>alert(1)</script>尾\n");
        assertThat(inline.select("script")).isEmpty();
        // An inline tag is removed, not its neighbours: the text between two tags stays (inert) text.
        assertThat(inline.body().text()).isEqualTo("正文alert(1)尾");
    }

    @ParameterizedTest
    @EnumSource(HtmlPolicy.class)
    void aTextareaBlockIsNeverLive(HtmlPolicy policy) {
        // flexmark-java does not know <textarea> as an HTML block (CommonMark 0.30, spec example 171), so the
        // engines parse its body differently; this is the one input they disagree on. It never becomes live
        // unless raw HTML is allowed.
        for (EngineName engine : EngineName.values()) {
            Document doc = render(engine, policy, "<textarea>\n\n*foo*\n\n</textarea>\n");
            assertThat(doc.select("textarea").isEmpty()).as(engine + " " + policy).isEqualTo(policy != HtmlPolicy.ALLOW);
        }
    }
}
