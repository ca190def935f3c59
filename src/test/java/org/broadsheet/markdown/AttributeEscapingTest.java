package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a writer puts in a code fence's info string, a link's destination or title, an image's description
 * or a footnote's label, it ends up inside a quoted attribute value, escaped, and never opens an attribute or
 * an element of its own. Both engines, every raw-HTML policy.
 */
class AttributeEscapingTest {
    private static final Pattern TAG = Pattern.compile("<(?!!--)[^>]*>");
    /** A start tag whose attribute values are all double-quoted and hold no raw quote, angle bracket or ampersand. */
    private static final Pattern SAFE_TAG = Pattern.compile(
            "</?[a-z][a-z0-9]*(\\s+[a-z][a-z0-9-]*(=\"(?:[^\"<>&]|&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);)*\")?)*\\s*/?>");

    static Stream<Arguments> hostileInfoStrings() {
        return Stream.of(
                Arguments.of("```", "\"><script>alert(1)</script>", "language-\"><script>alert(1)</script>"),
                Arguments.of("```", "a\"b<c&d'e", "language-a\"b<c&d'e"),
                Arguments.of("```", "\" onmouseover=\"alert(1)", "language-\""),
                Arguments.of("~~~", "'onmouseover='alert(1)", "language-'onmouseover='alert(1)"),
                Arguments.of("~~~", " x`y` \"y\" <z> &amp; &#39;", "language-x`y`"),
                Arguments.of("~~~", "a`b\"c", "language-a`b\"c"),
                Arguments.of("~~~", "a`", "language-a`"),
                Arguments.of("```", " &quot;&lt;x&gt;", "language-\"<x>"),
                Arguments.of("```", "lang&#34;onclick=&#34;x", "language-lang\"onclick=\"x"),
                Arguments.of("```", "\\\"x\\<y", "language-\"x<y"),
                Arguments.of("```", "&amp;&", "language-&&"),
                Arguments.of("```", "c++</code></pre><script>", "language-c++</code></pre><script>"));
    }

    static Stream<Arguments> hostileInfoStringsWithEngines() {
        return hostileInfoStrings().flatMap(args -> Stream.of(EngineName.values())
                .flatMap(engine -> Stream.of(HtmlPolicy.values()).map(policy -> Arguments.of(engine, policy,
                        args.get()[0], args.get()[1], args.get()[2]))));
    }

    private static String render(EngineName engine, HtmlPolicy policy, String markdown) {
        return TestEngines.render(engine, policy, markdown);
    }

    /** Every tag in the output (comments aside) is well formed, with escaped, double-quoted values. */
    static void assertAttributesEscaped(String html, String context) {
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            assertThat(tags.group()).as(context).matches(SAFE_TAG);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2}{3}")
    @MethodSource("hostileInfoStringsWithEngines")
    void codeFenceInfoStringsStayInsideTheClassAttribute(EngineName engine, HtmlPolicy policy, String fence,
            String info, String expectedClass) {
        String html = render(engine, policy, fence + info + "\n代码 \" < & '\n" + fence + "\n");
        String context = engine + " " + policy + " " + fence + info;
        assertAttributesEscaped(html, context);
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.body().select("*").stream().filter(e -> e != doc.body()).map(Element::tagName))
                .as(context).containsExactly("pre", "code");
        Element code = doc.selectFirst("pre > code");
        assertThat(code.attributes().size()).as(context).isEqualTo(1);
        assertThat(code.attr("class")).as(context).isEqualTo(expectedClass);
        assertThat(code.text()).as(context).isEqualTo("代码 \" < & '");
        assertThat(doc.selectFirst("pre").attributes().size()).as(context).isZero();
    }

    static Stream<Arguments> otherAttributes() {
        return Stream.of(
                Arguments.of("[链](x.html \"t\\\"<i>&amp;'q\")\n", "a", "title", "t\"<i>&'q"),
                Arguments.of("[链](x.html 't\"<i>')\n", "a", "title", "t\"<i>"),
                Arguments.of("[链](x.html (\"><script>))\n", "a", "title", "\"><script>"),
                Arguments.of("[链](x.html?a=1&b=\"2\")\n", "a", "href", "x.html?a=1&b=\"2\""),
                Arguments.of("[链][r]\n\n[r]: x.html?a=\"1\"&amp;b \"t\\\" onclick=\\\"x\"\n", "a", "title",
                        "t\" onclick=\"x"),
                Arguments.of("<https://example.org/\"onmouseover=\"x>\n", "a", "href",
                        "https://example.org/\"onmouseover=\"x"),
                Arguments.of("![图\"&amp;'<b>粗</b>](x.jpg)\n", "img", "alt", "图\"&'粗"),
                Arguments.of("![图](x.jpg \"t\\\"<i>&amp;'q\")\n", "figcaption", null, "t\"<i>&'q"),
                Arguments.of("![图](x.jpg \"t\\\"<i>&amp;'q\")\n", "img", "title", "t\"<i>&'q"),
                Arguments.of("文[^a\"b<c>]\n\n[^a\"b<c>]: 注\n", "sup a", "href", null),
                Arguments.of("| 甲 \" | 乙 |\n|:-:|--:|\n| <x> | ' |\n", "th", "style", "text-align: center"));
    }

    static Stream<Arguments> otherAttributesWithEngines() {
        return otherAttributes().flatMap(args -> Stream.of(EngineName.values()).map(engine -> Arguments.of(engine,
                args.get()[0], args.get()[1], args.get()[2], args.get()[3])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("otherAttributesWithEngines")
    void everyOtherAttributeIsEscaped(EngineName engine, String markdown, String selector, String attribute,
            String expected) {
        for (HtmlPolicy policy : HtmlPolicy.values()) {
            String html = render(engine, policy, markdown);
            String context = engine + " " + policy + " " + markdown;
            assertAttributesEscaped(html, context);
            Document doc = Jsoup.parseBodyFragment(html);
            assertThat(doc.select("script, i, [onclick], [onmouseover]")).as(context).isEmpty();
            Element element = doc.selectFirst(selector);
            assertThat(element).as(context).isNotNull();
            if (expected == null) {
                continue; // only the escaping matters here (footnote ids differ between the engines)
            }
            String actual = attribute == null ? element.text() : element.attr(attribute);
            if (policy == HtmlPolicy.STRIP || !markdown.contains("<b>")) {
                assertThat(actual).as(context).isEqualTo(expected);
            }
        }
    }

    @Test
    void theCheckerItselfCatchesAnInjectedAttribute() {
        assertThat(SAFE_TAG.matcher("<code class=\"language-\"><script>\">").matches()).isFalse();
        assertThat(SAFE_TAG.matcher("<code class=\"x\" onclick=\"y\">").matches()).isTrue(); // jsoup checks catch these
        assertThat(SAFE_TAG.matcher("<img src=\"a\" alt=\"b&c\" />").matches()).isFalse();
        assertThat(SAFE_TAG.matcher("<code class=\"language-&quot;&gt;&lt;script&gt;\">").matches()).isTrue();
    }
}
