package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.broadsheet.CliRun;
import org.broadsheet.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import the test pages into an empty site, build it, and read the result as a reader would: the files are the
 * expected ones, and each story is on its 版面 page and its bureau's page, with nothing printed twice.
 */
class ImportRoundTripTest {
    @TempDir
    static Path dir;
    static Path site;
    static Path out;
    static CliRun imported;
    static CliRun built;

    @BeforeAll
    static void importAndBuild() {
        site = TestSites.storyADay(dir, "Asia/Shanghai", List.of());
        imported = CliRun.run("import", "--site", site.toString(), TestPages.PAGE_06.toString(),
                TestPages.PAGE_03_GBK.toString());
        out = dir.resolve("public");
        built = CliRun.build(site, out);
    }

    private static Document html(String path) {
        return Jsoup.parse(TestSites.read(out.resolve(path)));
    }

    @Test
    void writesExactlyTheExpectedFiles() {
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path content = site.resolve("content");
        List<String> written = TestSites.files(content);
        assertThat(written).isEqualTo(TestSites.files(TestPages.EXPECTED));
        for (String file : written) {
            assertThat(TestSites.read(content.resolve(file))).as(file)
                    .isEqualTo(TestSites.read(TestPages.EXPECTED.resolve(file)));
        }
        assertThat(imported.out().lines().map(line -> site.relativize(Path.of(line)).toString().replace('\\', '/')))
                .containsExactly("content/2025/12/12/06/01.md", "content/2025/12/12/06/02.md",
                        "content/2025/12/12/06/03.md", "content/2025/12/12/06/_page.yml",
                        "content/2025/12/13/03/01.md", "content/2025/12/13/03/02.md",
                        "content/2025/12/13/03/_page.yml");
    }

    @Test
    void theSiteBuildsWithOnlyTheUnknownDatelinesWarning() {
        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.err()).contains("unknown dateline '巴彦托亥讯'").doesNotContain("error:");
    }

    @Test
    void theStoriesAreOnTheirPageInReadingOrderWithThePagesSettings() {
        Document page = html("2025/12/12/06/index.html");

        assertThat(page.select(".page-title").text()).contains("政法时空");
        assertThat(page.select(".headlines a").eachText()).hasSize(3).satisfies(titles -> {
            assertThat(titles.get(0)).contains("流动法庭进牧区 调解纠纷到家门");
            assertThat(titles.get(1)).contains("邻里纠纷一朝解");
            assertThat(titles.get(2)).contains("检察建议护航草原生态");
        });
        assertThat(page.select(".banner").eachText()).containsExactly("走进草原 看法治");
        assertThat(page.select(".editors").text()).isEqualTo("责任编辑：钱某 制版编辑：乌某");
        assertThat(html("2025/12/13/03/index.html").select(".banner").eachText()).containsExactly("走进包头 看法治");
    }

    @Test
    void theStoriesAreOnTheirBureausPages() {
        assertThat(html("bureaus/hulunbuir/index.html").select(".headlines").text())
                .contains("流动法庭进牧区 调解纠纷到家门");
        assertThat(html("bureaus/baotou/index.html").select(".headlines").text())
                .contains("邻里纠纷一朝解", "草原深处送法来").doesNotContain("执行干警凌晨出击");
    }

    @Test
    void datelineAndBylineArePrintedOnceEach() {
        Document article = html("2025/12/12/06/02.html");
        String story = article.select("article").text();

        assertThat(article.select(".story-body strong.dateline").text()).isEqualTo("包头讯");
        assertThat(story.split("包头讯", -1)).hasSize(2);
        assertThat(article.select("p.byline").text()).isEqualTo("（赵某）");
        assertThat(story.split("赵某）", -1)).hasSize(2);
        assertThat(story).contains("调解室里化干戈").doesNotContain("律师 参与");
        assertThat(html("2025/12/12/06/03.html").select("p.byline").text()).isEqualTo("（某某旗人民检察院供稿）");
    }
}
