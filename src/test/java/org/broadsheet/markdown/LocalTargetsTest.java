package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.broadsheet.markdown.LocalTarget.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both engines list a body's links and images to files of the site, with the line each starts on, and
 * agree on every one of them.
 */
class LocalTargetsTest {
    /** One of each construct a story may carry a file in, and each kind of URL that is not a file of ours. */
    private static final String BODY = """
            近日，包头市开展普法活动。

            ![现场](photo.jpg)

            ![宪法宣传](img/宣传.jpg "工作人员发放资料")

            详见[上一版](../02/01.md)和[判决书](判决书.pdf#page=2)，另见
            [下一篇](02.html?from=1)与[版面](../03/)。

            > 引文中的[附件](附件.docx)
            > - 列表中的![图](quote.png)

            | 名称 | 链接 |
            | --- | --- |
            | 表格 | [表内](table.pdf) |

            [![缩略图](thumb.jpg)](large.jpg)

            参考[资料][ref]与![图][pic]，未定义的[无][nope]。

            不算：[官网](https://example.org/a.pdf)、[邮件](mailto:a@example.org)、[锚](#note)、
            [根](/about.html)、[主机](//example.org/x)、[脚本](javascript:alert(1))、<https://example.org/x>、
            www.example.org、[空]()、[查询](?q=1)。

            百分号：![编码](%E5%9B%BE%201.jpg) 与 [转义](a\\_b.pdf) 与 [实体](&#x62;.pdf) 与 [尖括号](<c.pdf>)

            注释[^1]。

            [^1]: 见[脚注附件](note.pdf)。

            [ref]: ref.pdf
            [pic]: pic.png "图注"
            """;

    private static final List<LocalTarget> EXPECTED = List.of(
            new LocalTarget(Kind.IMAGE, "photo.jpg", 3),
            new LocalTarget(Kind.IMAGE, "img/宣传.jpg", 5),
            new LocalTarget(Kind.LINK, "../02/01.md", 7),
            new LocalTarget(Kind.LINK, "判决书.pdf", 7),
            new LocalTarget(Kind.LINK, "02.html", 8),
            new LocalTarget(Kind.LINK, "../03/", 8),
            new LocalTarget(Kind.LINK, "附件.docx", 10),
            new LocalTarget(Kind.IMAGE, "quote.png", 11),
            new LocalTarget(Kind.LINK, "table.pdf", 15),
            new LocalTarget(Kind.LINK, "large.jpg", 17),
            new LocalTarget(Kind.IMAGE, "thumb.jpg", 17),
            new LocalTarget(Kind.LINK, "ref.pdf", 19),
            new LocalTarget(Kind.IMAGE, "pic.png", 19),
            new LocalTarget(Kind.IMAGE, "图 1.jpg", 25),
            new LocalTarget(Kind.LINK, "a_b.pdf", 25),
            new LocalTarget(Kind.LINK, "b.pdf", 25),
            new LocalTarget(Kind.LINK, "c.pdf", 25),
            new LocalTarget(Kind.LINK, "note.pdf", 29));

    private static List<LocalTarget> targets(EngineName engine, String markdown) {
        return TestEngines.get(engine, HtmlPolicy.STRIP).render(markdown).targets();
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void everyLocalLinkAndImageIsListedWithItsLine(EngineName engine) {
        assertThat(targets(engine, BODY)).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    @Test
    void bothEnginesListTheSameTargetsInTheSameOrder() {
        assertThat(targets(EngineName.FLEXMARK, BODY)).isEqualTo(targets(EngineName.COMMONMARK, BODY));
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void aLinkIsOnTheLineItStartsOnWhereverItStands(EngineName engine) {
        String markdown = """
                前文
                [跨
                行](
                a.pdf)
                # 标题 ![图](h.png)

                标题二[链接](s.pdf)
                ---

                1. 一

                   - 二 [链接](n.pdf)

                     ![图](m.png)

                <div>
                [原样](raw.pdf)
                </div>

                    [代码](code.pdf)
                """;
        assertThat(targets(engine, markdown)).containsExactly(new LocalTarget(Kind.LINK, "a.pdf", 2),
                new LocalTarget(Kind.IMAGE, "h.png", 5), new LocalTarget(Kind.LINK, "s.pdf", 7),
                new LocalTarget(Kind.LINK, "n.pdf", 12), new LocalTarget(Kind.IMAGE, "m.png", 14));
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void aBodyWithoutLocalTargetsListsNone(EngineName engine) {
        assertThat(targets(engine, "正文，见 https://example.org/ 与[锚](#a)。\n")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(HtmlPolicy.class)
    void thePolicyForRawHtmlChangesNothing(HtmlPolicy policy) {
        for (EngineName engine : EngineName.values()) {
            assertThat(TestEngines.get(engine, policy).render(BODY).targets()).as(engine + " " + policy)
                    .containsExactlyInAnyOrderElementsOf(EXPECTED);
        }
    }

    @Test
    void whatCountsAsAFileOfTheSite() {
        assertThat(LocalTarget.of(Kind.LINK, "a.pdf", 1)).hasValue(new LocalTarget(Kind.LINK, "a.pdf", 1));
        assertThat(LocalTarget.of(Kind.LINK, " ..\\02\\01.md ", 1)).map(LocalTarget::path).hasValue("../02/01.md");
        assertThat(LocalTarget.of(Kind.LINK, "a:b/c", 1)).isEmpty(); // a scheme the policy refuses: rendered as #
        assertThat(LocalTarget.of(Kind.LINK, "b/c:d.pdf", 1)).map(LocalTarget::path).hasValue("b/c:d.pdf");
        assertThat(LocalTarget.of(Kind.LINK, "HTTPS://example.org", 1)).isEmpty();
        assertThat(LocalTarget.of(Kind.LINK, "\\\\host\\x", 1)).isEmpty(); // \\host is //host to a browser
        assertThat(LocalTarget.of(Kind.LINK, "%ZZ%E5.pdf", 1)).map(LocalTarget::path).hasValue("%ZZ%E5.pdf");
        assertThat(LocalTarget.of(Kind.LINK, "%F0%9F%93%B0😀.pdf", 1)).map(LocalTarget::path).hasValue("📰😀.pdf");
    }
}
