package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.SiteConfig;
import org.junit.jupiter.api.Test;

/** A whole page text read into stories: every layout artifact of the test pages undone, every guess listed. */
class PageParserTest {
    private static final ImportedPage PAGE_06 = TestPages.parse(TestPages.PAGE_06);
    private static final ImportedPage PAGE_03 = TestPages.parse(TestPages.PAGE_03_GBK);

    private static List<String> reviewsAt(ImportedPage page, int line) {
        return page.reviews().stream().filter(r -> r.line() == line).map(Review::message).toList();
    }

    @Test
    void theHeadGivesPageDateSectionAndEditorsInPrintOrder() {
        PageHeader header = PAGE_06.header();

        assertThat(header.number()).isEqualTo(6);
        assertThat(header.date()).isEqualTo(LocalDate.of(2025, 12, 12));
        assertThat(header.paper()).isEqualTo("北疆法治报");
        assertThat(header.section()).isEqualTo("政法时空");
        assertThat(header.editors()).containsExactly(new PageHeader.Editor("责任编辑", "钱某"),
                new PageHeader.Editor("制版编辑", "乌某"));
    }

    @Test
    void aHeadWithChineseDateWeekdayAndFullWidthDigits() {
        assertThat(PAGE_03.header().number()).isEqualTo(3);
        assertThat(PAGE_03.header().date()).isEqualTo(LocalDate.of(2025, 12, 13));
        assertThat(PAGE_03.header().section()).isEqualTo("法院·检察");
        assertThat(PAGE_03.header().editors()).extracting(PageHeader.Editor::name).containsExactly("刘某", "高某");
    }

    @Test
    void storiesInReadingOrderWithTheirHeadlines() {
        assertThat(PAGE_06.stories()).extracting(Story::kicker, Story::title, Story::subtitle).containsExactly(
                org.assertj.core.groups.Tuple.tuple("阿荣旗人民法院", "流动法庭进牧区 调解纠纷到家门", ""),
                org.assertj.core.groups.Tuple.tuple("", "邻里纠纷一朝解", "调解室里化干戈"),
                org.assertj.core.groups.Tuple.tuple("某某旗人民检察院", "检察建议护航草原生态", ""));
        assertThat(PAGE_03.stories()).extracting(Story::title, Story::subtitle).containsExactly(
                org.assertj.core.groups.Tuple.tuple("执行干警凌晨出击 三名“老赖”履行欠款", ""),
                org.assertj.core.groups.Tuple.tuple("草原深处送法来", "某苏木人民法庭巡回普法侧记"));
    }

    @Test
    void datelinesMapToBureausThroughTheGazetteer() {
        assertThat(PAGE_06.stories()).extracting(Story::dateline, Story::bureau).containsExactly(
                org.assertj.core.groups.Tuple.tuple("那吉讯", "呼伦贝尔市"),
                org.assertj.core.groups.Tuple.tuple("包头讯", "包头市"),
                org.assertj.core.groups.Tuple.tuple("巴彦托亥讯", ""));
        assertThat(PAGE_03.stories()).extracting(Story::dateline, Story::bureau).containsExactly(
                org.assertj.core.groups.Tuple.tuple("本报讯", ""),
                org.assertj.core.groups.Tuple.tuple("达茂旗讯", "包头市"));
    }

    @Test
    void bylinesOnTheirOwnLineAtAParagraphsEndAndAfterTheDatelineBecomeCredits() {
        assertThat(PAGE_06.stories()).extracting(Story::credit).containsExactly(
                new Credit(List.of("王某", "李某"), ""), new Credit(List.of("赵某"), ""),
                new Credit(List.of(), "某某旗人民检察院"));
        assertThat(PAGE_03.stories()).extracting(Story::credit).containsExactly(
                new Credit(List.of("周某"), ""), new Credit(List.of("孙某", "吴某"), ""));
    }

    @Test
    void theBodyHoldsNeitherDatelineNorBylineNorTheStrayHeadline() {
        for (ImportedPage page : List.of(PAGE_06, PAGE_03)) {
            for (Story story : page.stories()) {
                String body = String.join("\n", story.paragraphs());
                assertThat(body).as(story.title()).doesNotContain(story.dateline()).doesNotContain("（记者");
                story.credit().authors().forEach(a -> assertThat(body).doesNotContain("（" + a));
            }
        }
        Story second = PAGE_06.stories().get(1);
        assertThat(second.paragraphs()).hasSize(2);
        assertThat(second.paragraphs().get(0)).startsWith("青山区某社区").contains("并邀请律师参与调解。")
                .doesNotContain("化干戈");
        assertThat(second.paragraphs().get(1)).endsWith("恢复了往日的和睦。");
    }

    @Test
    void aParagraphBrokenMidWordIsJoinedWithoutASpace() {
        Story first = PAGE_06.stories().get(0);

        assertThat(first.paragraphs()).hasSize(3);
        assertThat(first.paragraphs().get(1)).startsWith("据了解，").contains("双方最终达成调解协议，李某当场支付");
        assertThat(reviewsAt(PAGE_06, 17)).containsExactly("paragraph at line 17 ends without closing punctuation: "
                + "joined with the paragraph at line 19");
        Story grassland = PAGE_03.stories().get(1);
        assertThat(grassland.paragraphs()).containsExactly("日前，达茂旗某苏木人民法庭联合司法所开展“法律进牧区”活动，"
                + "法官用蒙汉双语为牧民讲解草场流转中的常见法律问题，并现场解答咨询20余人次，发放宣传资料300余份。");
    }

    @Test
    void everyGuessIsOnTheReviewListWithItsLine() {
        assertThat(reviewsAt(PAGE_06, 31)).singleElement().asString().contains("'调解室里化干戈'", "subtitle");
        assertThat(reviewsAt(PAGE_06, 29)).singleElement().asString().contains("joined with the paragraph at line 33");
        assertThat(reviewsAt(PAGE_06, 43)).singleElement().asString().contains("'一、督促修复'", "subheading");
        assertThat(reviewsAt(PAGE_06, 41)).singleElement().asString().contains("unknown dateline '巴彦托亥讯'",
                "closest known places: 巴彦托海（呼伦贝尔市）");
        assertThat(reviewsAt(PAGE_06, 49)).singleElement().asString().contains("'走进草原 看法治'", "banner");
        assertThat(PAGE_06.reviews()).hasSize(6).isSortedAccordingTo(java.util.Comparator.comparingInt(Review::line));
    }

    @Test
    void aSubheadingAfterACompleteParagraphStaysInTheBody() {
        assertThat(PAGE_06.stories().get(2).paragraphs()).hasSize(3).element(1).isEqualTo("一、督促修复");
    }

    @Test
    void columnBannersAtTheStartAndTheEndBelongToThePage() {
        assertThat(PAGE_06.banners()).containsExactly("走进草原 看法治");
        assertThat(PAGE_03.banners()).containsExactly("走进包头 看法治");
        assertThat(PAGE_03.stories().get(0).kicker()).isEqualTo("包头市某区人民法院");
        assertThat(reviewsAt(PAGE_03, 11)).singleElement().asString().contains("column banner");
    }

    @Test
    void aGbkPageIsReadAsGb18030AndSaysSo() {
        assertThat(PAGE_03.charset().name()).isEqualTo("GB18030");
        assertThat(reviewsAt(PAGE_03, 1)).singleElement().asString().contains("GB18030");
        assertThat(PAGE_03.stories().get(0).paragraphs().get(1)).contains("当场履行欠款12万元", "上午10:30，");
        assertThat(PAGE_06.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void theSitesOwnDatelinesCount() {
        Gazetteer site = Gazetteer.of(List.of(new SiteConfig.BureauSetting("呼伦贝尔市", "", List.of("巴彦托亥"))));
        ImportedPage page = TestPages.parse(new PageParser(site), Path.of("p.txt"),
                TestPages.head("2025/12/12", "06", "政法时空").concat("标题\n\n巴彦托亥讯 正文。\n")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(page.stories()).singleElement().extracting(Story::bureau).isEqualTo("呼伦贝尔市");
        assertThat(page.reviews()).isEmpty();
    }

    @Test
    void aLastStoryWithoutBylineGivesUpTheBannerAfterIt() {
        ImportedPage page = TestPages.parse(TestPages.head("2025/12/12", "2", "要闻")
                + "法治宣传进校园\n\n集宁讯 近日，某区法院法官走进校园开展普法讲座。\n\n学法 懂法 守法\n");

        assertThat(page.banners()).containsExactly("学法 懂法 守法");
        assertThat(page.stories()).singleElement().satisfies(story -> {
            assertThat(story.bureau()).isEqualTo("乌兰察布市");
            assertThat(story.paragraphs()).containsExactly("近日，某区法院法官走进校园开展普法讲座。");
        });
    }

    @Test
    void aStoryAfterABylineNeedsNoDateline() {
        ImportedPage page = TestPages.parse(TestPages.head("2025/12/12", "2", "要闻")
                + "标题甲\n\n包头讯 第一篇正文。\n\n（张某）\n\n法治时评\n\n规则意识要从小事做起。\n");

        assertThat(page.stories()).extracting(Story::title).containsExactly("标题甲", "法治时评");
        assertThat(page.stories().get(1).paragraphs()).containsExactly("规则意识要从小事做起。");
        assertThat(page.reviews()).extracting(Review::message).anyMatch(m -> m.contains("without a dateline"));
    }

    @Test
    void aHeadWithoutADateIsNotAPageText() {
        PageParser.Parsed parsed = new PageParser(TestPages.BUILT_IN).parse(Path.of("pages/p1.txt"),
                "06\n\n北疆法治报\n\n政法时空\n\n责任编辑:钱某\n\n标题\n\n包头讯 正文。\n".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.page()).isEmpty();
        assertThat(parsed.problem()).get().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.format()).startsWith("pages/p1.txt:1: error: not a page text").contains("date");
        });
    }
}
