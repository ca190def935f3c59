package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample archive, built, served by nginx under {@code /archive/} and read in real Chromium the way a reader
 * reads it: by clicking, on a phone and on a desktop. Expected texts are copied by hand from content/, so that a
 * mistake in the generator cannot hide behind the code under test.
 *
 * <p>Screenshots of every step land in target/screenshots/SIZE-STEP.png.
 */
class ReaderJourneyIT {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String FONT_STEP_KEY = "broadsheet-font-step"; // themes/default/static/site.js

    enum Size {
        PHONE(390, 844, true), DESKTOP(1280, 900, false);

        final int width;
        final int height;
        final boolean phone;

        Size(int width, int height, boolean phone) {
            this.width = width;
            this.height = height;
            this.phone = phone;
        }

        Browser start() {
            return Browser.start(width, height, phone);
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @TempDir
    static Path temp;
    static Nginx nginx;

    @BeforeAll
    static void buildAndServe() {
        Path out = temp.resolve("public");
        // nginx first: the site's baseUrl (its canonical links) names the port nginx got.
        nginx = Nginx.serve(out, "archive");
        Path site = TestSites.copySample(temp);
        BuildOptions options = new BuildOptions(site, Optional.of(out), Optional.of(URI.create(nginx.url())),
                Optional.empty(), false, false, false, false, Optional.empty(),
                Runtime.getRuntime().availableProcessors(), UnaryOperator.identity(), true);
        BuildResult result = TestSites.build(options);
        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
    }

    @AfterAll
    static void stopServer() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Size.class)
    void aReaderClicksFromTheFrontPageToAnOldStoryAndFollowsALegacyLink(Size size) {
        try (Browser browser = size.start()) {
            Journey journey = new Journey(browser, size);
            ChromeDriver driver = browser.driver();

            // The home page shows the latest issue; its heading links to that issue's own page.
            journey.open(nginx.url());
            assertThat(journey.number("return window.innerWidth")).as("viewport width").isEqualTo(size.width);
            assertThat(journey.number("return window.innerHeight")).as("viewport height").isEqualTo(size.height);
            journey.arrive("01-home", "", "2025年12月12日 星期五");
            assertThat(driver.getTitle()).isEqualTo("北疆法治报");

            journey.click(By.cssSelector("main h1 a"));
            journey.arrive("02-issue", "2025/12/12/", "2025年12月12日 星期五 总第5103期 特刊");
            assertThat(journey.text(".issue-note")).isEqualTo("宪法宣传周特刊");

            journey.click(By.linkText("第03版：法院·检察"));
            journey.arrive("03-page", "2025/12/12/03/", "第03版 法院·检察");
            assertThat(journey.text(".editors")).contains("责任编辑：刘晓东");

            journey.click(By.linkText("公益诉讼守护沙漠绿洲"));
            journey.arrive("04-article", "2025/12/12/03/02.html", "公益诉讼守护沙漠绿洲");
            assertThat(journey.text(".story-head .subtitle")).isEqualTo("阿拉善盟检察机关督促修复受损梭梭林");
            assertThat(journey.text(".story-body .dateline")).isEqualTo("巴彦浩特讯");
            assertThat(journey.text(".byline")).isEqualTo("（阿拉善盟人民检察院供稿）");

            // The font-size switch: A+ here, and the next page opens at the larger size (localStorage).
            double normal = journey.rootFontPixels();
            driver.findElement(By.cssSelector(".font-size button[data-step='1']")).click();
            assertThat(journey.rootFontPixels()).isEqualTo(normal * 1.125);
            assertThat(journey.string("return localStorage.getItem('" + FONT_STEP_KEY + "')")).isEqualTo("1");
            journey.check("05-article-larger-text");

            journey.click(By.linkText("返回第03版"));
            journey.arrive("06-page-larger-text", "2025/12/12/03/", "第03版 法院·检察");
            assertThat(journey.string("return document.documentElement.style.fontSize")).isEqualTo("112.5%");
            assertThat(journey.rootFontPixels()).isEqualTo(normal * 1.125);
            driver.findElement(By.cssSelector(".font-size button[data-step='-1']")).click();
            assertThat(journey.rootFontPixels()).isEqualTo(normal);
            assertThat(journey.string("return localStorage.getItem('" + FONT_STEP_KEY + "')")).isEqualTo("0");

            journey.click(By.cssSelector("nav.pager a[rel='next']"));
            journey.arrive("07-next-page", "2025/12/12/04/", "第04版 普法园地");

            journey.click(By.linkText("上一期"));
            journey.arrive("08-previous-issue", "2025/12/11/", "2025年12月11日 星期四 总第5102期");

            journey.click(By.linkText("往期"));
            journey.arrive("09-year", "2025/", "2025年共3期");

            journey.click(By.linkText("12月"));
            journey.arrive("10-month", "2025/12/", "2025年12月");

            journey.click(By.xpath("//div[@class='month-calendar']//a[normalize-space()='10']"));
            journey.arrive("11-day", "2025/12/10/", "2025年12月10日 星期三 总第5101期");

            journey.click(By.linkText("地区"));
            journey.arrive("12-bureaus", "bureaus/", "按地区浏览");

            journey.click(By.linkText("包头市"));
            journey.arrive("13-bureau", "bureaus/baotou/", "包头市7篇");
            assertThat(journey.texts("ol.headlines .headline > a")).hasSize(5)
                    .startsWith("土地流转签合同 这几点要记牢", "包头中院发布劳动争议典型案例");

            journey.click(By.xpath("//nav[@class='pagination']//a[normalize-space()='2']"));
            journey.arrive("14-bureau-page-2", "bureaus/baotou/page/2/", "包头市7篇");
            assertThat(journey.texts("ol.headlines .headline > a"))
                    .containsExactly("社区“法律明白人”成了居民的贴心人", "禁毒宣传走进乡村集市");

            // An address from the paper's old e-paper system: a meta refresh leads to the story.
            journey.open(nginx.url() + "html/2025-12/12/content_5103001.htm");
            journey.waitForUrlEnding("/archive/2025/12/12/01/xianfa-xuanchuan-zhou.html");
            journey.arrive("15-legacy-alias", "2025/12/12/01/xianfa-xuanchuan-zhou.html",
                    "全区广泛开展“宪法宣传周”系列活动");
            assertThat(journey.text(".story-head .kicker")).isEqualTo("弘扬宪法精神 建设法治内蒙古");
            assertThat(journey.text(".story-body .dateline")).isEqualTo("本报讯");
        }
    }

    /**
     * Every kind of page the theme has, at both widths, through the checks every page gets (axe-core among them):
     * the journey above reaches most of them by clicking, this opens each one directly, including those no
     * click of the journey leads to (a withdrawn story's notice, a standalone page, the 404 page).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Size.class)
    void everyKindOfPageIsAccessible(Size size) {
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("home", "");
        kinds.put("issue", "2025/12/12/");
        kinds.put("page", "2025/12/12/01/");
        kinds.put("article", "2025/12/12/01/xianfa-xuanchuan-zhou.html");
        kinds.put("article-with-table", "2025/12/10/01/02.html");
        kinds.put("article-with-headings", "2025/12/11/04/04.html");
        kinds.put("article-with-footnote", "2025/12/12/02/03.html");
        kinds.put("withdrawn-article", "2025/12/10/03/03.html");
        kinds.put("year", "2025/");
        kinds.put("month", "2025/12/");
        kinds.put("bureaus", "bureaus/");
        kinds.put("bureau", "bureaus/baotou/page/2/");
        kinds.put("standalone", "pages/about.html");
        kinds.put("not-found", "2025/12/12/99/nothing.html");
        kinds.put("search", "search/?q=%E6%B3%95%E9%99%A2"); // ?q=法院, with its results on the page
        try (Browser browser = size.start()) {
            Journey journey = new Journey(browser, size);
            journey.allowedFailures.add(nginx.url() + "2025/12/12/99/nothing.html");
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                journey.open(nginx.url() + kind.getValue());
                assertThat(browser.driver().findElements(By.tagName("h1"))).as(kind.getKey() + ": one h1").hasSize(1);
                journey.check("kind-" + kind.getKey());
            }
        }
    }

    @Test
    void aMissingAddressShowsTheSitesOwnNotFoundPageStyled() throws Exception {
        HttpResponse<String> response = get("2025/12/12/99/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1 class=\"page-title\">页面未找到</h1>");
        try (Browser browser = Size.PHONE.start()) {
            Journey journey = new Journey(browser, Size.PHONE);
            journey.allowedFailures.add(nginx.url() + "2025/12/12/99/nothing.html");
            journey.open(nginx.url() + "2025/12/12/99/nothing.html");
            journey.arrive("16-not-found", "2025/12/12/99/nothing.html", "页面未找到");
            journey.click(By.linkText("返回首页"));
            journey.arrive("17-home-from-not-found", "", "2025年12月12日 星期五");
        }
    }

    @Test
    void theServerSendsTheTypesAndCharsetAProductionServerSends() throws Exception {
        Map<String, String> expected = Map.of(
                "", "text/html; charset=utf-8",
                "2025/12/12/04/%E6%99%AE%E6%B3%95%E5%B0%8F%E8%AF%BE%E5%A0%82.html", "text/html; charset=utf-8",
                "static/style.css", "text/css; charset=utf-8",
                "static/site.js", "application/javascript; charset=utf-8",
                "rss.xml", "text/xml; charset=utf-8",
                "feed.json", "application/json; charset=utf-8",
                "2025/12/12/01/scan.png", "image/png",
                "2025/12/12/01/page.pdf", "application/pdf");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            HttpResponse<String> response = get(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(entry.getKey()).contains(entry.getValue());
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(nginx.url() + path)).timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One reader's walk through the site: clicks that wait for the next page, checks and screenshots. */
    static final class Journey {
        private final Browser browser;
        private final ChromeDriver driver;
        private final Size size;
        private final WebDriverWait wait;
        /**
         * Addresses whose failure to load is expected: none. The theme links its own icon, so the browser
         * never falls back to the host's /favicon.ico outside the site's /archive/.
         */
        private final List<String> allowedFailures = new ArrayList<>();

        Journey(Browser browser, Size size) {
            this.browser = browser;
            this.driver = browser.driver();
            this.size = size;
            this.wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(25));
        }

        void open(String url) {
            driver.get(url);
            waitForLoad();
        }

        /** Clicks what a reader would click, and waits until the page it leads to has loaded. */
        void click(By link) {
            WebElement target = wait.until(ExpectedConditions.elementToBeClickable(link));
            WebElement oldPage = driver.findElement(By.tagName("html"));
            target.click();
            wait.until(ExpectedConditions.stalenessOf(oldPage));
            waitForLoad();
        }

        void waitForUrlEnding(String suffix) {
            wait.until(d -> d.getCurrentUrl().endsWith(suffix));
            waitForLoad();
        }

        /** Checks that the reader is on {@code path} (relative to /archive/) with this h1, then {@link #check}. */
        void arrive(String step, String path, String heading) {
            assertThat(driver.getCurrentUrl()).as(step + ": address").isEqualTo(nginx.url() + path);
            List<WebElement> headings = driver.findElements(By.tagName("h1"));
            assertThat(headings).as(step + ": one h1").hasSize(1);
            assertThat(headings.get(0).isDisplayed()).as(step + ": h1 shown").isTrue();
            assertThat(normalize(headings.get(0).getAttribute("textContent"))).as(step + ": h1").isEqualTo(heading);
            check(step);
        }

        /** The checks every page gets, then a screenshot. */
        void check(String step) {
            // The theme's stylesheet and script were served and applied (a wrong MIME type would drop them).
            assertThat(string("return getComputedStyle(document.querySelector('.paper-name')).color"))
                    .as(step + ": style.css applied").isEqualTo("rgb(181, 18, 27)");
            assertThat(string("return String(document.querySelector('.font-size').hidden)"))
                    .as(step + ": site.js ran").isEqualTo("false");
            long scrollWidth = number("return document.documentElement.scrollWidth");
            long innerWidth = number("return window.innerWidth");
            assertThat(scrollWidth).as(() -> step + ": no horizontal overflow at " + size.label() + " (scrollWidth "
                    + scrollWidth + ", innerWidth " + innerWidth + ", widest: " + widest() + ")")
                    .isLessThanOrEqualTo(innerWidth);
            assertThat(browser.consoleErrors()).as(step + ": errors in the browser console")
                    .filteredOn(message -> allowedFailures.stream().noneMatch(url -> message.startsWith(url + " ")))
                    .isEmpty();
            List<String> violations = Axe.violations(driver);
            System.out.printf("axe-core %s %s: %d violations%s%n", size.label(), step, violations.size(),
                    violations.isEmpty() ? "" : "\n  " + String.join("\n  ", violations));
            assertThat(Axe.seriousViolations(driver)).as(step + ": axe-core violations of serious or critical impact")
                    .isEmpty();
            browser.screenshot(SCREENSHOTS.resolve(size.label() + "-" + step + ".png"));
        }

        String text(String css) {
            return normalize(driver.findElement(By.cssSelector(css)).getText());
        }

        List<String> texts(String css) {
            return driver.findElements(By.cssSelector(css)).stream().map(e -> normalize(e.getText())).toList();
        }

        double rootFontPixels() {
            String px = string("return getComputedStyle(document.documentElement).fontSize");
            assertThat(px).endsWith("px");
            return Double.parseDouble(px.substring(0, px.length() - 2));
        }

        long number(String script) {
            return ((Number) driver.executeScript(script)).longValue();
        }

        String string(String script) {
            Object value = driver.executeScript(script);
            return value == null ? null : value.toString();
        }

        private void waitForLoad() {
            wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
        }

        /** For an overflow failure: the element that sticks out furthest to the right. */
        private String widest() {
            return string("""
                    let worst = null, right = 0;
                    for (const e of document.querySelectorAll('body *')) {
                      const r = e.getBoundingClientRect().right + window.scrollX;
                      if (r > right) { right = r; worst = e; }
                    }
                    return worst ? worst.tagName.toLowerCase() + (worst.className ? '.' + worst.className : '')
                        + ' right=' + Math.round(right) : 'none';
                    """);
        }

        private static String normalize(String text) {
            return text == null ? null : text.replaceAll("\\s+", " ").strip();
        }
    }
}
