package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader searches the built sample, served by nginx under {@code /archive/}, in real Chromium: types into the
 * header's box, reads the results in {@code #search-results} with the match highlighted, loads older results,
 * filters by a bureau and opens a result. Expected texts are copied by hand from content/.
 */
class SearchIT {
    @TempDir
    static Path temp;
    static Nginx nginx;

    @BeforeAll
    static void buildAndServe() {
        Path out = temp.resolve("public");
        nginx = Nginx.serve(out, "archive");
        Path site = TestSites.copySample(temp);
        BuildResult result = TestSites.build(new BuildOptions(site, Optional.of(out),
                Optional.of(URI.create(nginx.url())), Optional.empty(), false, false, false, false, Optional.empty(),
                Runtime.getRuntime().availableProcessors(), UnaryOperator.identity(), true));
        assertThat(result.problems()).isEmpty();
    }

    @AfterAll
    static void stopServer() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ReaderJourneyIT.Size.class)
    void aReaderSearchesFromTheHeaderFiltersLoadsOlderResultsAndOpensOne(ReaderJourneyIT.Size size) {
        try (Browser browser = size.start()) {
            ReaderJourneyIT.Journey journey = new ReaderJourneyIT.Journey(browser, size);
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(25));

            journey.open(nginx.url() + "2025/12/12/03/");
            WebElement box = driver.findElement(By.cssSelector("header form.search-box input[name=q]"));
            box.sendKeys("梭梭林");
            box.sendKeys(Keys.ENTER);
            wait.until(d -> d.getCurrentUrl().contains("/search/"));
            wait.until(d -> !d.findElements(By.cssSelector("#search-results .search-result mark")).isEmpty());
            assertThat(driver.getCurrentUrl()).startsWith(nginx.url() + "search/?q=");
            assertThat(journey.texts("#search-results .search-result h2")).containsExactly("公益诉讼守护沙漠绿洲");
            assertThat(journey.text("#search-results .result-meta")).isEqualTo("2025年12月12日 · 第03版 法院·检察 · 阿拉善盟");
            assertThat(journey.texts("#search-results .snippet mark")).contains("梭梭林");
            assertThat(journey.text("#search-status")).isEqualTo("共找到 1 篇稿件。");
            assertThat(driver.findElement(By.id("search-nojs")).isDisplayed()).isFalse();
            journey.check("search-01-one-result");

            // A common word: a first page of ten, then older results.
            field(driver).clear();
            field(driver).sendKeys("法院", Keys.ENTER);
            wait.until(d -> results(d).size() == 10 && !snippets(d).isEmpty());
            WebElement more = driver.findElement(By.id("search-more"));
            assertThat(more.isDisplayed()).isTrue();
            assertThat(more.getText()).isEqualTo("更早的结果");
            journey.check("search-02-first-page");
            more.click();
            wait.until(d -> results(d).size() > 10);
            int all = results(driver).size();
            assertThat(journey.text("#search-status")).isEqualTo("共找到 " + all + " 篇稿件。");
            journey.check("search-03-older-results");

            // Filtered by a bureau: every result is that bureau's.
            new Select(driver.findElement(By.id("search-bureau"))).selectByVisibleText("包头市");
            wait.until(d -> d.getCurrentUrl().contains("bureau=baotou") && !results(d).isEmpty()
                    && results(d).size() < all);
            wait.until(d -> journey.texts("#search-results .result-meta").stream().allMatch(m -> m.endsWith("包头市")));
            journey.check("search-04-bureau");

            // A result leads to its story.
            String title = journey.texts("#search-results .search-result h2").get(0);
            journey.click(By.cssSelector("#search-results .search-result h2 a"));
            assertThat(journey.text("h1")).isEqualTo(title);
        }
    }

    /**
     * Five quarters, one story each; the oldest holds 鄂尔多斯, the one after it only 鄂尔. A search for 鄂尔多斯 reads
     * the newest quarter, then the term directory, then only the oldest quarter: the directory rules out the
     * quarter holding 鄂尔 without 多斯, and those holding neither.
     */
    @org.junit.jupiter.api.Test
    void aRareQueryReadsOnlyTheQuartersTheTermDirectoryNames() {
        Path site = TestSites.storyADay(temp.resolve("quarters"), "Asia/Shanghai", List.of(java.time.LocalDate.of(
                2024, 2, 1), java.time.LocalDate.of(2024, 5, 1), java.time.LocalDate.of(2024, 8, 1),
                java.time.LocalDate.of(2024, 11, 1), java.time.LocalDate.of(2025, 2, 1)));
        TestSites.write(site.resolve("content/2024/02/01/01/01.md"),
                "---\ntitle: 2024-02-01日本报要闻\n---\n正文。鄂尔多斯市法院审结一起案件。\n");
        TestSites.write(site.resolve("content/2024/05/01/01/01.md"),
                "---\ntitle: 2024-05-01日本报要闻\n---\n正文。鄂尔古纳。\n");
        Path out = temp.resolve("quarters-public");
        try (Nginx server = Nginx.serve(out, "quarters")) {
            BuildResult result = TestSites.build(new BuildOptions(site, Optional.of(out),
                    Optional.of(URI.create(server.url())), Optional.empty(), false, false, false, false,
                    Optional.empty(), 2, UnaryOperator.identity(), true));
            assertThat(result.problems()).isEmpty();
            try (Browser browser = ReaderJourneyIT.Size.DESKTOP.start()) {
                ChromeDriver driver = browser.driver();
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(25));
                driver.get(server.url() + "search/?q=" + java.net.URLEncoder.encode("鄂尔多斯",
                        java.nio.charset.StandardCharsets.UTF_8));
                wait.until(d -> d.findElement(By.id("search-status")).getText().startsWith("共找到"));
                assertThat(driver.findElement(By.id("search-status")).getText()).isEqualTo("共找到 1 篇稿件。");
                assertThat(driver.findElements(By.cssSelector("#search-results .search-result h2")))
                        .extracting(WebElement::getText).containsExactly("2024-02-01日本报要闻");
                @SuppressWarnings("unchecked")
                List<String> fetched = (List<String>) driver.executeScript("return performance"
                        + ".getEntriesByType('resource').map(e => new URL(e.name).pathname)"
                        + ".filter(p => p.includes('/search/') && p.endsWith('.json'))");
                assertThat(fetched).contains("/quarters/search/2025-1/meta.json", "/quarters/search/2024-1/meta.json")
                        .anyMatch(path -> path.startsWith("/quarters/search/terms/"))
                        .noneMatch(path -> path.startsWith("/quarters/search/2024-2/")
                                || path.startsWith("/quarters/search/2024-3/")
                                || path.startsWith("/quarters/search/2024-4/"));

                // A word every quarter holds: all five, the directory ruling none out.
                driver.get(server.url() + "search/?q=正文");
                wait.until(d -> d.findElement(By.id("search-status")).getText().startsWith("共找到"));
                assertThat(driver.findElement(By.id("search-status")).getText()).isEqualTo("共找到 5 篇稿件。");
                assertThat(browser.consoleErrors()).isEmpty();
            }
        }
    }

    private static WebElement field(ChromeDriver driver) {
        return driver.findElement(By.id("search-q"));
    }

    private static List<WebElement> results(org.openqa.selenium.WebDriver driver) {
        return driver.findElements(By.cssSelector("#search-results .search-result"));
    }

    private static List<WebElement> snippets(org.openqa.selenium.WebDriver driver) {
        return driver.findElements(By.cssSelector("#search-results .snippet mark"));
    }
}
