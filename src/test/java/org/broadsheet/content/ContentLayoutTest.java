package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.broadsheet.content.ContentLayout.Article;
import org.broadsheet.content.ContentLayout.Hidden;
import org.broadsheet.content.ContentLayout.IssueSettings;
import org.broadsheet.content.ContentLayout.Misplaced;
import org.broadsheet.content.ContentLayout.PageFile;
import org.broadsheet.content.ContentLayout.PageSettings;
import org.broadsheet.content.ContentLayout.Place;
import org.broadsheet.content.ContentLayout.StandalonePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** content/'s folders, both ways: what a path means, and the path of a date, a page or an article. */
class ContentLayoutTest {
    private static final LocalDate DAY = LocalDate.of(2025, 12, 12);
    private static final String ELSEWHERE = "file is not where Broadsheet looks for content";
    private static final String ELSEWHERE_HINT = "articles go in content/YYYY/MM/DD/NN/*.md, page settings in "
            + "…/NN/_page.yml, issue settings in …/DD/_issue.yml, standalone pages in content/pages/*.md";
    private static final String NOT_A_DATE_HINT = "issue folders are content/YYYY/MM/DD, e.g. content/2025/12/12";
    private static final String NOT_A_PAGE_HINT = "name page folders 01, 02, … 99, 100, …";

    /** Parses {@code path} both as a listing's slashed key and as a {@link Path}, which must agree. */
    private static Place whatIs(String path) {
        Place fromKey = ContentLayout.parse(path);
        assertThat(ContentLayout.parse(Path.of(path))).as("parsed as a Path").isEqualTo(fromKey);
        return fromKey;
    }

    private static void thenMisplaced(String path, String message, String hint) {
        assertThat(whatIs(path)).isEqualTo(new Misplaced(message, hint));
    }

    // What a path means

    @Test
    void theFourKindsOfContent() {
        assertThat(whatIs("content/2025/12/12/_issue.yml")).isEqualTo(new IssueSettings(DAY));
        assertThat(whatIs("content/2025/12/12/06/_page.yml")).isEqualTo(new PageSettings(DAY, 6));
        assertThat(whatIs("content/2025/12/12/06/03.md")).isEqualTo(new Article(DAY, 6, "03.md"));
        assertThat(whatIs("content/pages/关于本报.md")).isEqualTo(new StandalonePage("关于本报.md"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scan.jpg", "A06.pdf", "现场照片.jpg", "01.md.bak", "_issue.yml", "page.yml"})
    void anyOtherFileInAPageFolderIsAFileBesideTheArticles(String name) {
        assertThat(whatIs("content/2025/12/12/06/" + name)).isEqualTo(new PageFile(DAY, 6, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"普法小课堂.md", "𠀀.md", "生僻字𬘭与ASCII混排.md", "a b.md", "01.MD.md"})
    void articlesMayHaveAnyName(String name) {
        assertThat(whatIs("content/2025/12/12/01/" + name)).isEqualTo(new Article(DAY, 1, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"content/.DS_Store", "content/2025/12/12/01/.01.md.swp", "content/2025/12/12/.issue.yml",
        "content/25/1/x/yy/zz/.hidden", "content/pages/.DS_Store"})
    void namesStartingWithADotAreHiddenWhereverTheyAre(String path) {
        assertThat(whatIs(path)).isInstanceOf(Hidden.class);
    }

    @Test
    void aHiddenMarkdownFileAmongTheStandalonePagesIsStillAPage() {
        // The standalone check comes first, as it always has: changing that would drop a published page.
        assertThat(whatIs("content/pages/.草稿.md")).isEqualTo(new StandalonePage(".草稿.md"));
    }

    @Test
    void leapDaysAndPageHundredAreFine() {
        assertThat(whatIs("content/2024/02/29/100/01.md")).isEqualTo(new Article(LocalDate.of(2024, 2, 29), 100,
                "01.md"));
        assertThat(whatIs("content/1872/04/30/_issue.yml")).isEqualTo(new IssueSettings(LocalDate.of(1872, 4, 30)));
    }

    // Misplaced files: the messages and hints are the loader's, word for word

    @ParameterizedTest
    @ValueSource(strings = {"content/说明.md", "content/2025/12/12/01.md", "content/2025/12/_issue.yml",
        "content/2025/12/12/_page.yml", "content/2025/12/12/01/图片/photo.jpg", "content/2025/12/12/01/a/b/c.md",
        "content/2025/12/12/readme.txt", "content/pages/about.txt", "content/pages/sub/about.md", "content/stray",
        "content/2025/_issue.yml", "content/2025/12/12/_issue.yaml"})
    void filesOutsideTheLayoutAreMisplaced(String path) {
        thenMisplaced(path, ELSEWHERE, ELSEWHERE_HINT);
    }

    @ParameterizedTest
    @CsvSource({"content/25/12/12/01/01.md, 25/12/12", "content/2025/1/12/01/01.md, 2025/1/12",
        "content/2025/十二/12/01/01.md, 2025/十二/12", "content/２０２５/12/12/01/01.md, ２０２５/12/12",
        "content/2025/12/12a/_issue.yml, 2025/12/12a", "content/pages/a/b/c.md, pages/a/b",
        "content/2025/12/-1/01/01.md, 2025/12/-1"})
    void foldersThatAreNotDates(String path, String folder) {
        thenMisplaced(path, "folder " + folder + " is not a date", NOT_A_DATE_HINT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025/13/40", "2025/02/30", "2025/13/01", "2025/00/10", "2025/12/00", "2025/02/29"})
    void foldersThatAreNotRealDates(String date) {
        for (String file : List.of("/01/01.md", "/_issue.yml", "/01/_page.yml", "/x.md", "/01/图/x.jpg")) {
            thenMisplaced("content/" + date + file, "folder " + date + " is not a real date",
                    "check the month and the day");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "000", "1", "001", "010", "0001", "A1", "一版", "1a", "+1", "-1", "１２"})
    void pageFoldersThatAreNotPageNumbers(String folder) {
        for (String file : List.of("01.md", "_page.yml", "scan.jpg")) {
            thenMisplaced("content/2025/12/12/" + folder + "/" + file,
                    "page folder '" + folder + "' is not a page number", NOT_A_PAGE_HINT);
        }
    }

    @Test
    void exactlyTheCanonicalPageFolderNamesAreAccepted() {
        Set<String> accepted = new TreeSet<>();
        for (int length = 2; length <= 3; length++) {
            int count = length == 2 ? 100 : 1000;
            for (int value = 0; value < count; value++) {
                String folder = (length == 2 ? String.format("%02d", value) : String.format("%03d", value));
                Place place = ContentLayout.parse("content/2025/12/12/" + folder + "/01.md");
                if (place instanceof Article article) {
                    assertThat(ContentLayout.pageFolderName(article.page())).isEqualTo(folder);
                    accepted.add(folder);
                }
            }
        }
        Set<String> canonical = new TreeSet<>();
        for (int page = 1; page <= 999; page++) {
            canonical.add(ContentLayout.pageFolderName(page));
        }
        assertThat(accepted).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"themes/default/theme.yml", "site.yml", "contents/2025/12/12/01/01.md", "content",
        "Content/2025/12/12/01/01.md", "content2/pages/a.md"})
    void pathsOutsideContentAreABug(String path) {
        assertThatThrownBy(() -> ContentLayout.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "a backslash cannot be part of a Windows file name")
    void aBackslashInAUnixFileNameStaysInTheName() {
        assertThat(ContentLayout.parse(Path.of("content/2025/12/12/01/a\\b.md")))
                .isEqualTo(new Article(DAY, 1, "a\\b.md"));
    }

    // Where things live

    @Test
    void foldersAndFilesOfADay() {
        assertThat(ContentLayout.issueFolder(DAY)).isEqualTo(Path.of("content", "2025", "12", "12"));
        assertThat(ContentLayout.issueSettings(DAY)).isEqualTo(Path.of("content", "2025", "12", "12", "_issue.yml"));
        assertThat(ContentLayout.pageFolder(DAY, 6)).isEqualTo(Path.of("content", "2025", "12", "12", "06"));
        assertThat(ContentLayout.pageFolder(DAY, 100)).isEqualTo(Path.of("content", "2025", "12", "12", "100"));
        assertThat(ContentLayout.pageSettings(DAY, 6)).isEqualTo(Path.of("content/2025/12/12/06/_page.yml"));
        assertThat(ContentLayout.articleFile(DAY, 6, "03.md")).isEqualTo(Path.of("content/2025/12/12/06/03.md"));
        assertThat(ContentLayout.standalonePage("关于本报.md")).isEqualTo(Path.of("content/pages/关于本报.md"));
        assertThat(ContentLayout.issueFolder(LocalDate.of(5, 1, 9))).isEqualTo(Path.of("content/0005/01/09"));
    }

    @Test
    void articleFilesAreNumberedWithTwoDigitsAtLeast() {
        assertThat(ContentLayout.articleFileName(1)).isEqualTo("01.md");
        assertThat(ContentLayout.articleFileName(9)).isEqualTo("09.md");
        assertThat(ContentLayout.articleFileName(10)).isEqualTo("10.md");
        assertThat(ContentLayout.articleFileName(100)).isEqualTo("100.md");
    }

    @Test
    void pageFolderNamesAreSpelledAsPercentZeroTwoD() {
        for (int page = -12; page <= 1200; page++) {
            assertThat(ContentLayout.pageFolderName(page)).isEqualTo(String.format("%02d", page));
        }
    }

    @Test
    void nothingIsWrittenWhereTheLoaderWouldNotReadIt() {
        assertThatThrownBy(() -> ContentLayout.pageFolder(DAY, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentLayout.pageSettings(DAY, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentLayout.articleFile(DAY, -1, "01.md"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentLayout.articleFileName(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentLayout.issueFolder(LocalDate.of(10_000, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentLayout.issueFolder(LocalDate.of(-1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Round trips: what the writers write, the loader reads back as the same date, page and name

    @Test
    void writtenPathsParseBackToWhatWasWritten() {
        List<LocalDate> days = List.of(LocalDate.of(0, 1, 1), LocalDate.of(1872, 4, 30), LocalDate.of(1949, 10, 1),
                LocalDate.of(2024, 2, 29), DAY, LocalDate.of(9999, 12, 31));
        List<String> names = List.of("01.md", "普法小课堂.md", "𠀀.md", "2025年Law报道.md", "photo.jpg", "扫描件.pdf");
        for (LocalDate day : days) {
            assertThat(whatIs(ContentLayout.slashed(ContentLayout.issueSettings(day))))
                    .isEqualTo(new IssueSettings(day));
            for (int page : new int[] {1, 9, 10, 99, 100, 101, 999}) {
                assertThat(ContentLayout.parse(ContentLayout.pageSettings(day, page)))
                        .isEqualTo(new PageSettings(day, page));
                for (String name : names) {
                    Place expected = name.endsWith(".md") ? new Article(day, page, name)
                            : new PageFile(day, page, name);
                    assertThat(ContentLayout.parse(ContentLayout.articleFile(day, page, name))).isEqualTo(expected);
                }
            }
        }
        assertThat(ContentLayout.parse(ContentLayout.standalonePage("版权声明.md")))
                .isEqualTo(new StandalonePage("版权声明.md"));
    }

    @Test
    void numberedArticleFilesParseBack() {
        for (int n = 1; n <= 120; n++) {
            String name = ContentLayout.articleFileName(n);
            assertThat(ContentLayout.parse(ContentLayout.articleFile(DAY, 3, name)))
                    .isEqualTo(new Article(DAY, 3, name));
        }
    }

    // The visitor

    @Test
    void eachKindIsHandedToItsOwnMethod() {
        List<String> calls = new ArrayList<>();
        ContentLayout.Visitor<String> visitor = new ContentLayout.Visitor<>() {
            @Override
            public void issueSettings(IssueSettings place, String path) {
                calls.add("issue " + path);
            }

            @Override
            public void pageSettings(PageSettings place, String path) {
                calls.add("page " + path);
            }

            @Override
            public void article(Article place, String path) {
                calls.add("article " + path);
            }

            @Override
            public void pageFile(PageFile place, String path) {
                calls.add("file " + path);
            }

            @Override
            public void standalonePage(StandalonePage place, String path) {
                calls.add("standalone " + path);
            }

            @Override
            public void misplaced(Misplaced place, String path) {
                calls.add("misplaced " + path);
            }
        };
        for (String path : List.of("content/2025/12/12/_issue.yml", "content/2025/12/12/01/_page.yml",
                "content/2025/12/12/01/01.md", "content/2025/12/12/01/scan.jpg", "content/pages/about.md",
                "content/说明.md", "content/.DS_Store")) {
            ContentLayout.parse(path).accept(visitor, path);
        }

        assertThat(calls).containsExactly("issue content/2025/12/12/_issue.yml", "page content/2025/12/12/01/_page.yml",
                "article content/2025/12/12/01/01.md", "file content/2025/12/12/01/scan.jpg",
                "standalone content/pages/about.md", "misplaced content/说明.md");
    }

    @Test
    void markdownSourcesAreMarkdownFilesUnderContent() {
        assertThat(ContentLayout.isMarkdownSource(Path.of("content/2025/12/12/01/01.md"))).isTrue();
        assertThat(ContentLayout.isMarkdownSource(Path.of("content/pages/about.md"))).isTrue();
        assertThat(ContentLayout.isMarkdownSource(Path.of("content/2025/12/12/01/_page.yml"))).isFalse();
        assertThat(ContentLayout.isMarkdownSource(Path.of("themes/default/README.md"))).isFalse();
        assertThat(ContentLayout.isMarkdownSource(Path.of("contents/a.md"))).isFalse();
    }
}
