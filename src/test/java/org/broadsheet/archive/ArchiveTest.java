package org.broadsheet.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The archive's order and neighbours: issues, months, reading order, bureau desks, withdrawn stories. */
class ArchiveTest {
    private static final Bureau HOHHOT = new Bureau("呼和浩特市", "hohhot", List.of("呼和浩特", "青城"));
    private static final Bureau BAOTOU = new Bureau("包头市", "baotou", List.of("包头", "达茂旗", "百灵庙"));
    private static final Bureau HULUNBUIR = new Bureau("呼伦贝尔市", "hulunbuir", List.of("海拉尔", "那吉"));
    private static final List<Bureau> BUREAUS = List.of(HOHHOT, BAOTOU, HULUNBUIR);

    private static final LocalDate DEC_10 = LocalDate.of(2025, 12, 10);
    private static final LocalDate DEC_12 = LocalDate.of(2025, 12, 12);
    private static final LocalDate DEC_15 = LocalDate.of(2025, 12, 15);

    private static Article story(LocalDate date, int page, String slug, String dateline, Bureau bureau) {
        return article(date, page, slug, dateline, Optional.ofNullable(bureau), false);
    }

    private static Article article(LocalDate date, int page, String slug, String dateline, Optional<Bureau> bureau,
            boolean withdrawn) {
        String source = String.format("content/%s/%02d/%s.md", date.toString().replace('-', '/'), page, slug);
        return new Article(new ArticleId(date, page, slug), source, "标题" + slug, "", "", dateline, bureau,
                new Byline(List.of("记者 𬘭"), ""), List.of(), Body.of("<p>正文</p>"), withdrawn, OptionalInt.empty(),
                List.of(), List.of(), Map.of());
    }

    private static Page page(LocalDate date, int number, Article... articles) {
        return new Page(date, number, "", "", List.of(), List.of(), Optional.empty(), Optional.empty(),
                List.of(articles), List.of());
    }

    private static Issue issue(LocalDate date, Page... pages) {
        return new Issue(date, OptionalInt.empty(), "", "", List.of(pages));
    }

    private static Issue emptyIssue(LocalDate date) {
        return issue(date, page(date, 1, story(date, 1, "01", "本报讯", null)));
    }

    /** The archive under test; standalone pages (关于本报 …) play no part in the dated order. */
    private static Archive archive(List<Issue> issues, List<Bureau> bureaus, List<Article> withdrawn) {
        return new Archive(issues, bureaus, withdrawn, List.of());
    }

    private static List<LocalDate> dates(List<Issue> issues) {
        return issues.stream().map(Issue::date).toList();
    }

    // Dec 10: page 1 [a1, a2], page 2 [b1]; Dec 12: page 1 [c1]; Dec 15: page 3 [d1, d2]
    private final Article a1 = story(DEC_10, 1, "01", "包头讯", BAOTOU);
    private final Article a2 = story(DEC_10, 1, "02", "本报讯", null);
    private final Article b1 = story(DEC_10, 2, "普法小课堂", "那吉讯", HULUNBUIR);
    private final Article c1 = story(DEC_12, 1, "01", "达茂旗讯", BAOTOU);
    private final Article d1 = story(DEC_15, 3, "𠀀", "百灵庙讯", BAOTOU);
    private final Article d2 = story(DEC_15, 3, "02", "", BAOTOU);
    private final Article gone = article(DEC_12, 1, "撤稿", "青城讯", Optional.of(HOHHOT), true);
    private final Article goneEarlier = article(DEC_10, 2, "02", "包头讯", Optional.of(BAOTOU), true);
    private final Page dec10page1 = page(DEC_10, 1, a1, a2);
    private final Page dec10page2 = page(DEC_10, 2, b1);
    private final Issue dec10 = issue(DEC_10, dec10page1, dec10page2);
    private final Issue dec12 = issue(DEC_12, page(DEC_12, 1, c1));
    private final Issue dec15 = issue(DEC_15, page(DEC_15, 3, d1, d2));

    private Archive givenThreeIssues() {
        return archive(List.of(dec15, dec10, dec12), BUREAUS, List.of(gone, goneEarlier));
    }

    @Test
    void issuesAreSortedOldestFirstWhateverTheInputOrder() {
        List<Issue> shuffled = new ArrayList<>(List.of(dec15, dec10, dec12));
        Collections.shuffle(shuffled, new Random(7));

        Archive archive = archive(shuffled, BUREAUS, List.of());

        assertThat(dates(archive.issues())).containsExactly(DEC_10, DEC_12, DEC_15);
        assertThat(archive.latestIssue()).contains(dec15);
    }

    @Test
    void emptyArchiveHasNoLatestIssue() {
        Archive archive = archive(List.of(), BUREAUS, List.of());

        assertThat(archive.latestIssue()).isEmpty();
        assertThat(archive.years()).isEmpty();
        assertThat(archive.bureaus()).isEmpty();
    }

    @Test
    void groupsIssuesByYearAndMonth() {
        Archive archive = archive(List.of(emptyIssue(LocalDate.of(2025, 3, 1)), emptyIssue(LocalDate.of(2025, 1, 15)),
                emptyIssue(LocalDate.of(2024, 12, 31)), emptyIssue(LocalDate.of(2025, 1, 2))), BUREAUS, List.of());

        assertThat(archive.years()).extracting(Year::year).containsExactly(2024, 2025);
        assertThat(archive.years().get(0).months()).extracting(Month::yearMonth).containsExactly(YearMonth.of(2024, 12));
        assertThat(archive.years().get(1).months()).extracting(Month::yearMonth)
                .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 3));
        assertThat(dates(archive.years().get(1).months().get(0).issues()))
                .containsExactly(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 15));
    }

    @Test
    void previousAndNextIssueSkipDaysWithoutAPaper() {
        Archive archive = givenThreeIssues();

        assertThat(archive.previousIssue(dec10)).isEmpty();
        assertThat(archive.nextIssue(dec10)).contains(dec12);
        assertThat(archive.previousIssue(dec15)).contains(dec12);
        assertThat(archive.nextIssue(dec12)).contains(dec15);
        assertThat(archive.nextIssue(dec15)).isEmpty();
        assertThat(archive.issueOn(LocalDate.of(2025, 12, 11))).isEmpty();
        assertThat(archive.issueOn(DEC_12)).contains(dec12);
    }

    @Test
    void readingOrderRunsThroughPagesAndIssues() {
        assertThat(givenThreeIssues().readingOrder()).containsExactly(a1, a2, b1, c1, d1, d2);
    }

    @Test
    void previousAndNextArticleCrossPagesAndIssues() {
        Archive archive = givenThreeIssues();

        assertThat(archive.previousArticle(a1)).isEmpty();
        assertThat(archive.nextArticle(a1)).contains(a2);
        assertThat(archive.nextArticle(a2)).as("last of page 1 → first of page 2").contains(b1);
        assertThat(archive.nextArticle(b1)).as("last of an issue → first of the next issue").contains(c1);
        assertThat(archive.previousArticle(d1)).as("skips the missing days").contains(c1);
        assertThat(archive.nextArticle(d2)).isEmpty();
    }

    @Test
    void knowsEachArticlesPage() {
        Archive archive = givenThreeIssues();

        assertThat(archive.pageOf(b1)).isEqualTo(dec10page2);
        assertThat(archive.pageOf(a2)).isEqualTo(dec10page1);
    }

    @Test
    void previousAndNextPageStayWithinTheIssue() {
        assertThat(Archive.previousPage(dec10, dec10page1)).isEmpty();
        assertThat(Archive.nextPage(dec10, dec10page1)).contains(dec10page2);
        assertThat(Archive.previousPage(dec10, dec10page2)).contains(dec10page1);
        assertThat(Archive.nextPage(dec10, dec10page2)).isEmpty();
    }

    @Test
    void bureauDesksListStoriesNewestFirstWithTheDatelinesUsed() {
        Archive archive = givenThreeIssues();

        assertThat(archive.bureaus()).extracting(desk -> desk.bureau().slug())
                .as("gazetteer order; 呼和浩特市 filed only a withdrawn story").containsExactly("baotou", "hulunbuir");
        BureauDesk baotou = archive.bureaus().get(0);
        // Newest issue first; within an issue, reading order (the page's lead story first).
        assertThat(baotou.articles()).containsExactly(d1, d2, c1, a1);
        assertThat(archive.newest(3)).containsExactly(d1, d2, c1);
        assertThat(baotou.datelinesUsed()).containsExactlyInAnyOrder("百灵庙讯", "达茂旗讯", "包头讯")
                .isSorted();
        assertThat(archive.bureaus().get(1).articles()).containsExactly(b1);
        assertThat(archive.bureaus().get(1).datelinesUsed()).containsExactly("那吉讯");
    }

    @Test
    void newsroomStoriesBelongToNoDesk() {
        assertThat(givenThreeIssues().bureaus()).flatExtracting(BureauDesk::articles).doesNotContain(a2);
    }

    @Test
    void withdrawnStoriesAreKeptApartSortedBySource() {
        Archive archive = givenThreeIssues();

        assertThat(archive.withdrawn()).containsExactly(goneEarlier, gone);
        assertThat(archive.readingOrder()).doesNotContain(gone, goneEarlier);
        assertThat(archive.bureaus()).flatExtracting(BureauDesk::articles).doesNotContain(gone, goneEarlier);
    }

    @Test
    void issueCountsItsArticles() {
        assertThat(dec10.articleCount()).isEqualTo(3);
    }
}
