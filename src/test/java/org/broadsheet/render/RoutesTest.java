package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.Bureau;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesTest {
    private final Routes routes = new Routes(URI.create("https://example.org/archive/"));
    private final LocalDate day = LocalDate.of(2025, 12, 12);

    @Test
    void routesFollowTheContract() {
        assertThat(routes.issue(day)).isEqualTo("2025/12/12/");
        assertThat(routes.page(day, 6)).isEqualTo("2025/12/12/06/");
        assertThat(routes.article(new ArticleId(day, 6, "普法小课堂"))).isEqualTo("2025/12/12/06/普法小课堂.html");
        assertThat(routes.year(2025)).isEqualTo("2025/");
        assertThat(routes.month(YearMonth.of(2025, 3))).isEqualTo("2025/03/");
        Bureau baotou = new Bureau("包头市", "baotou", List.of("包头"));
        assertThat(routes.bureau(baotou, 1)).isEqualTo("bureaus/baotou/");
        assertThat(routes.bureau(baotou, 2)).isEqualTo("bureaus/baotou/page/2/");
    }

    @Test
    void foldersHaveFourDigitYearsAndTwoDigitNumbersAtLeast() {
        assertThat(routes.year(987)).isEqualTo("0987/");
        assertThat(routes.year(12025)).isEqualTo("12025/");
        assertThat(routes.month(YearMonth.of(1901, 11))).isEqualTo("1901/11/");
        assertThat(routes.issue(LocalDate.of(987, 1, 9))).isEqualTo("0987/01/09/");
        assertThat(routes.page(LocalDate.of(2025, 2, 28), 123)).isEqualTo("2025/02/28/123/");
        assertThat(routes.page(LocalDate.of(2025, 2, 28), 0)).isEqualTo("2025/02/28/00/");
    }

    @Test
    void foldersAreServedFromTheirIndexFile() {
        assertThat(Routes.file("")).isEqualTo("index.html");
        assertThat(Routes.file("2025/12/12/")).isEqualTo("2025/12/12/index.html");
        assertThat(Routes.file("2025/12/12/06/a.html")).isEqualTo("2025/12/12/06/a.html");
    }

    @ParameterizedTest
    @CsvSource({
            "'', 2025/12/12/, 2025/12/12/",
            "2025/12/12/06/a.html, 2025/12/12/, ../",
            "2025/12/12/06/a.html, '', ../../../../",
            "2025/12/12/06/a.html, 2025/12/12/06/b.html, b.html",
            "2025/12/12/06/a.html, 2025/12/12/06/, ./",
            "2025/12/12/, 2025/12/11/, ../11/",
            "bureaus/baotou/page/2/, bureaus/baotou/, ../../",
            "2025/12/12/, 2025/12/12/, ./",
            "404.html, static/style.css, static/style.css"})
    void linksAreRelative(String from, String to, String expected) {
        assertThat(Routes.href(from, to)).isEqualTo(expected);
    }

    @Test
    void chineseAndSurrogatePairSlugsArePercentEncodedInLinksOnly() {
        assertThat(Routes.href("2025/12/12/04/", "2025/12/12/04/王𬘭.html"))
                .isEqualTo("%E7%8E%8B%F0%AC%98%AD.html");
        assertThat(routes.absolute("2025/12/12/04/普法 课堂.html"))
                .isEqualTo("https://example.org/archive/2025/12/12/04/%E6%99%AE%E6%B3%95%20%E8%AF%BE%E5%A0%82.html");
        assertThat(routes.rootPath()).isEqualTo("/archive/");
    }

    @Test
    void asciiOutsideTheUnreservedSetIsEncodedAndTheRestLeftAsItIs() {
        assertThat(Routes.encode("2025/12/12/04/fa-zhi_1.0~b.html")).isEqualTo("2025/12/12/04/fa-zhi_1.0~b.html");
        assertThat(Routes.encode("2025/12/12/04/a+b c%d?.html")).isEqualTo("2025/12/12/04/a%2Bb%20c%25d%3F.html");
        assertThat(Routes.href("2025/12/12/04/", "2025/12/12/05/a#b.html")).isEqualTo("../05/a%23b.html");
        assertThat(Routes.href("2025/12/12/04/", "2025/12/12/05/ab.html")).isEqualTo("../05/ab.html");
    }

    @Test
    void aLinkIsWhatSegmentBySegmentComparisonGives() {
        java.util.Random random = new java.util.Random(20261205);
        List<String> segments = List.of("", "2025", "12", "1", "12a", "06", "a.html", "王𬘭", "普法 课堂", "%", "a");
        for (int i = 0; i < 20_000; i++) {
            String from = route(random, segments);
            String to = random.nextInt(4) == 0 ? from.substring(0, random.nextInt(from.length() + 1))
                    : route(random, segments);
            assertThat(Routes.href(from, to)).as("%s -> %s", from, to).isEqualTo(segmentBySegment(from, to));
        }
    }

    private static String route(java.util.Random random, List<String> segments) {
        StringBuilder route = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            route.append(segments.get(random.nextInt(segments.size()))).append('/');
        }
        if (random.nextBoolean()) {
            route.append(segments.get(random.nextInt(segments.size())));
        }
        return route.toString();
    }

    /** Links as the first version made them: both routes split into segments, the common folders skipped. */
    private static String segmentBySegment(String from, String to) {
        String[] fromDirs = from.substring(0, from.lastIndexOf('/') + 1).split("/", -1);
        String[] toParts = to.split("/", -1);
        int fromCount = fromDirs.length - 1;
        int common = 0;
        while (common < fromCount && common < toParts.length - 1 && fromDirs[common].equals(toParts[common])) {
            common++;
        }
        StringBuilder link = new StringBuilder("../".repeat(fromCount - common));
        for (int i = common; i < toParts.length; i++) {
            link.append(Routes.encodeSegment(toParts[i])).append(i < toParts.length - 1 ? "/" : "");
        }
        return link.length() == 0 ? "./" : link.toString();
    }
}
