package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The URL allowlist against the ways of smuggling a scheme past it: autolinks, reference definitions, images,
 * entity-encoded letters and colons, tabs and newlines inside the scheme, control characters, the GFM autolink
 * extension. Judged as a browser would read the attribute (jsoup decodes the entities; the URL parser then drops
 * tabs and newlines anywhere and C0 controls and spaces at the ends), by both engines, under every raw-HTML
 * policy.
 */
class HostileUrlTest {
    private static final Set<String> LIVE_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    /** The scheme a browser would see in an attribute value, or null for a relative URL. */
    static String browserScheme(String attribute) {
        String url = attribute.replaceAll("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "").replaceAll("[\\t\\n\\r]", "");
        Matcher matcher = SCHEME.matcher(url);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Each hostile destination, written in each place a destination can be written. */
    static Stream<String> hostileMarkdown() {
        Stream<String> destinations = Stream.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)",
                "data:text/html;base64,PHNjcmlwdD4=", "&#106;avascript:alert(1)", "&#x6A;avascript&#x3A;alert(1)",
                "javascript&colon;alert(1)", "java&Tab;script:alert(1)", "java&NewLine;script:alert(1)",
                "java&#x09;script:alert(1)", "java&#10;script:alert(1)", "&#x20;javascript:alert(1)",
                "&#0;javascript:alert(1)", "\\javascript:alert(1)", "javascript://example.org/%0aalert(1)",
                "file:///etc/passwd", "<javascript:alert(1)>", "<java\tscript:alert(1)>", "<java&#9;script:x>",
                "<java&#13;script:x>");
        return destinations.flatMap(url -> Stream.of(
                "[链](" + url + ")\n",
                "[链](" + url + " \"题\")\n",
                "![图](" + url + ")\n",
                "![图](" + url + " \"图注\")\n",
                "[链][r] ![图][r]\n\n[r]: " + url + "\n",
                "[r]\n\n[r]:\n  " + url + "\n  \"题\"\n",
                "> - [链][r]\n>\n> [r]: " + url + "\n",
                "| 甲 |\n| --- |\n| [链](" + url + ") |\n"));
    }

    static Stream<String> autolinks() {
        return Stream.of("<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "<vbscript:msgbox(1)>",
                "<data:text/html,<script>>", "<javascript://%0aalert(1)>", "<file:///etc/passwd>",
                "javascript://%0aalert(1)", "https://example.org/ javascript:alert(1)", "www.example.org/javascript:x",
                "x@example.org javascript:x@example.org", "<ftp://example.org/>");
    }

    static Stream<Arguments> everything() {
        return Stream.concat(hostileMarkdown(), autolinks()).flatMap(markdown -> Stream.of(EngineName.values())
                .map(engine -> Arguments.of(engine, markdown)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everything")
    void noHostileSchemeEverBecomesLive(EngineName engine, String markdown) {
        for (HtmlPolicy policy : HtmlPolicy.values()) {
            Document doc = Jsoup.parseBodyFragment(TestEngines.render(engine, policy, markdown));
            for (Element element : doc.select("[href], [src]")) {
                for (String name : new String[] {"href", "src"}) {
                    if (element.hasAttr(name)) {
                        String scheme = browserScheme(element.attr(name));
                        assertThat(scheme == null || LIVE_SCHEMES.contains(scheme))
                                .as("%s %s %s: %s=\"%s\"", engine, policy, markdown, name, element.attr(name)).isTrue();
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<javascript:alert(1)>", "<vbscript:x>", "<data:text/html,x>",
            "[a]\n\n[a]: java&#x09;script:x\n", "[a]\n\n[a]: &#106;avascript:x\n", "[a]\n\n[a]: javascript&colon;x\n",
            "[a]\n\n[a]: java&NewLine;script:x\n", "[a]\n\n[a]: <java&#10;script:x>\n", "![i][a]\n\n[a]: &#x6A;avascript:x\n",
            "![i](java&#9;script:x)\n", "![i](data:image/png;base64,AAAA \"图注\")\n", "javascript://%0aalert(1)\n"})
    void bothEnginesTurnTheseIntoDeadLinks(String markdown) {
        for (EngineName engine : EngineName.values()) {
            Document doc = Jsoup.parseBodyFragment(TestEngines.render(engine, HtmlPolicy.STRIP, markdown));
            assertThat(doc.select("[href], [src]")).as(engine + " " + markdown).isNotEmpty();
            for (Element element : doc.select("[href], [src]")) {
                assertThat(element.hasAttr("href") ? element.attr("href") : element.attr("src"))
                        .as(engine + " " + markdown).isEqualTo(UrlPolicy.BLOCKED);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[a]\n\n[a]: <java\tscript:x>\n", "![i][a]\n\n[a]: <java\tscript:x>\n",
            "[x](<java\tscript:x>)\n"})
    void aTabInsideAngleBracketsIsADeadLinkOrNoLinkAtAll(String markdown) {
        // CommonMark allows a tab inside <…>, and commonmark-java makes a (refused) link of it; flexmark-java
        // takes "<java\tscript:x>" for an HTML tag, which the raw-HTML policy then handles. Neither is live.
        for (EngineName engine : EngineName.values()) {
            for (HtmlPolicy policy : HtmlPolicy.values()) {
                Document doc = Jsoup.parseBodyFragment(TestEngines.render(engine, policy, markdown));
                for (Element element : doc.select("a, img")) {
                    assertThat(element.hasAttr("href") ? element.attr("href") : element.attr("src"))
                            .as(engine + " " + policy + " " + markdown).isEqualTo(UrlPolicy.BLOCKED);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javascript:alert(1)", "java\tscript:x", "java\nscript:x", "java\rscript:x",
            " \u0000\u001Fjavascript:x", "\u0001javascript:x", "JAVASCRIPT:x", "vbscript:x", "data:x", "jar:file:x!/",
            "javascript\u0000:x", "\u00A0javascript:x", "ｊavascript:x", "java\u200Bscript:x"})
    void theOracleAndThePolicyAgree(String url) {
        // Whatever a browser would take for a scheme other than http, https or mailto, the policy blocks.
        String scheme = browserScheme(url);
        if (scheme != null && !LIVE_SCHEMES.contains(scheme)) {
            assertThat(UrlPolicy.isAllowed(url)).as(url).isFalse();
        }
        assertThat(browserScheme("java\tscript:x")).isEqualTo("javascript");
        assertThat(browserScheme("  \u0001javascript:x")).isEqualTo("javascript");
        assertThat(browserScheme("a/b:c")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safe")
    void safeLinksStayAsWritten(String markdown, String expected) {
        for (EngineName engine : EngineName.values()) {
            Document doc = Jsoup.parseBodyFragment(TestEngines.render(engine, HtmlPolicy.STRIP, markdown));
            Element element = doc.selectFirst("[href], [src]");
            assertThat(element).as(engine + " " + markdown).isNotNull();
            assertThat(element.hasAttr("href") ? element.attr("href") : element.attr("src")).as(engine + " " + markdown)
                    .isEqualTo(expected);
        }
    }

    static Stream<Arguments> safe() {
        return Stream.of(Arguments.of("<https://example.org/a?b=1&c=2>\n", "https://example.org/a?b=1&c=2"),
                Arguments.of("<mailto:x@example.org>\n", "mailto:x@example.org"),
                Arguments.of("[a]\n\n[a]: <../02/03.html> \"题\"\n", "../02/03.html"),
                Arguments.of("![图][p]\n\n[p]: photo.jpg\n", "photo.jpg"),
                Arguments.of("![图](普法.jpg \"图注\")\n", "普法.jpg"),
                Arguments.of("[注](#fn:1)\n", "#fn:1"),
                Arguments.of("[相对](a/b:c)\n", "a/b:c"));
    }
}
