package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.broadsheet.config.HtmlPolicy;
import org.junit.jupiter.api.Test;

/**
 * The commonmark engine parses a story with the autolink extension only when its text may hold a link: the HTML
 * must be what parsing every story with it gives.
 */
class AutolinkCandidatesTest {
    /** Pieces that make links, that nearly make them, and that hide or spell their marks in other ways. */
    private static final String[] PIECES = {
        "法院", "交叉执行，", "鄂尔多斯讯 ", "：", "。", " ", "\n", "\n\n", "www.nmgfy.gov.cn", "WWW.EXAMPLE.ORG",
        "www", "wwwx.cn", "www.", "w.w.w.", "http://example.org/a?b=1", "https://法院.cn/路径", "ftp://x.y",
        "http:", "//", ":", "://", "http&#58;//example.org", "www&#46;example.org", "a&#64;b.cn", "&#64;",
        "jubao@163.com", "@", "a@b", "fy@nmg.gov.cn。", "mailto:fy@nmg.gov.cn", "[网站](https://example.org/x)",
        "[www.a.cn](https://example.org/y)", "<https://example.org/z>", "<fy@nmg.gov.cn>", "`www.code.cn`",
        "![图](a.png \"标题 www.x.cn\")", "![图 http://img.cn](b.png)", "*强调 www.e.cn*", "~~删 a@b.cn~~",
        "\\@", "\\:", "# 标题 http://h.cn\n", "> 引用 www.q.cn\n", "- 列表 a@l.cn\n", "| a | b |\n|---|---|\n| www.t.cn | c |\n",
        "脚注[^1]", "\n\n[^1]: 注 www.f.cn\n", "<span>www.raw.cn</span>", "&amp;", "&copy;", "w", "W", "ww.", "www．a.cn",
    };

    @Test
    void aStoryRendersAsIfEveryStoryWereParsedWithAutolinks() {
        Random random = new Random(11);
        int linked = 0;
        int plain = 0;
        for (HtmlPolicy policy : HtmlPolicy.values()) {
            CommonmarkEngine engine = new CommonmarkEngine(policy);
            CommonmarkEngine reference = new CommonmarkEngine(policy, true);
            for (int i = 0; i < 3_000; i++) {
                StringBuilder markdown = new StringBuilder();
                for (int k = random.nextInt(12); k >= 0; k--) {
                    markdown.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String text = markdown.toString();
                Rendered expected = reference.render(text);
                assertThat(engine.render(text)).as(text).isEqualTo(expected);
                if (expected.html().contains("<a href=\"http://www.") || expected.html().contains("mailto:")) {
                    linked++;
                } else {
                    plain++;
                }
            }
        }
        // Both ways were taken many times.
        assertThat(linked).isGreaterThan(1_000);
        assertThat(plain).isGreaterThan(1_000);
    }
}
