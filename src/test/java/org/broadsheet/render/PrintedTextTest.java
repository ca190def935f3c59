package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.Body;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.Byline;
import org.junit.jupiter.api.Test;

class PrintedTextTest {

    private static Article withByline(List<String> authors, String source) {
        return new Article(new ArticleId(LocalDate.of(2025, 12, 12), 1, "a"), "content/a.md", "标题", "", "", "",
                Optional.empty(), new Byline(authors, source), List.of(), Body.of("<p>正文</p>"), false, OptionalInt.empty(),
                List.of(), List.of(), Map.of());
    }

    @Test
    void bylinesReadAsPrinted() {
        assertThat(PrintedText.byline(withByline(List.of("张三", "王𬘭"), ""))).isEqualTo("（张三 王𬘭）");
        assertThat(PrintedText.byline(withByline(List.of(), "达拉特旗人民法院"))).isEqualTo("（达拉特旗人民法院供稿）");
        assertThat(PrintedText.byline(withByline(List.of(), "某某法院供稿"))).isEqualTo("（某某法院供稿）");
        assertThat(PrintedText.byline(withByline(List.of(), ""))).isEmpty();
    }

    @Test
    void theDatelineOpensTheFirstParagraphInBold() {
        assertThat(PrintedText.withDateline("<p>近日，……</p>\n<p>次段</p>", "包头讯"))
                .isEqualTo("<p><strong class=\"dateline\">包头讯</strong> 近日，……</p>\n<p>次段</p>");
        assertThat(PrintedText.withDateline("<ul><li>一</li></ul>", "那吉讯"))
                .startsWith("<p class=\"dateline-only\"><strong class=\"dateline\">那吉讯</strong></p>");
        assertThat(PrintedText.withDateline("<p>正文</p>", "")).isEqualTo("<p>正文</p>");
        assertThat(PrintedText.withDateline("<p>正文</p>", "<b>讯")).contains("&lt;b&gt;讯");
    }

    @Test
    void summariesDropNotesAndFiguresFoldSpaceAndStopAtOneHundredTwentyCharacters() {
        assertThat(PrintedText.summary("<p>近日，<a href=\"x\">包头市</a>开展普法<sup class=\"footnote-ref\"><a>1</a></sup>活动。</p>\n"
                + "<figure><img src=\"a.jpg\"><figcaption>图注</figcaption></figure>\n<p>次段 &amp; 𬘭&lt;b&gt;</p>"))
                .isEqualTo("近日，包头市开展普法活动。 次段 & 𬘭<b>");
        String summary = PrintedText.summary("<p>" + "王𬘭".repeat(100) + "</p>");
        assertThat(summary.codePointCount(0, summary.length())).isEqualTo(121);
        assertThat(summary).endsWith("…").startsWith("王𬘭王𬘭");
    }
}
