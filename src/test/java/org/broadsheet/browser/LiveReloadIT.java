package org.broadsheet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.broadsheet.serve.Preview;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code serve}'s live reload in a real browser: a tab reloads when the page it shows is rebuilt, swaps a
 * changed stylesheet without reloading, and shows the error panel while the site does not build. A value
 * set on {@code window} tells whether the tab reloaded (a reload forgets it).
 */
class LiveReloadIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ARTICLE = "content/2025/12/10/01/01.md";

    @TempDir
    Path temp;
    private Path site;
    private BuildSession session;
    private Preview preview;
    private Thread loop;
    private Browser browser;

    @BeforeEach
    void serveAndOpen() throws IOException, InterruptedException {
        site = TestSites.copySample(temp);
        BuildOptions options = BuildOptions.defaults(site).withOutput(temp.resolve("preview"));
        session = BuildSession.openResident(options, true); // as serve opens it for its own folder
        preview = Preview.open(session, options, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                (result, millis) -> { });
        assertThat(preview.buildFirst().outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        loop = new Thread(preview::run, "preview-loop");
        loop.start();
        browser = Browser.start(390, 844, true);
        driver().get(preview.url().resolve("2025/12/10/01/01.html").toString());
        awaitListening();
        js().executeScript("window.notReloaded = true;");
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        preview.close();
        loop.join(10_000);
        session.close();
    }

    @Test
    void theTabShowingAnEditedArticleReloadsWithIt() throws IOException {
        edit(ARTICLE, "title: 浏览器里看到的新标题");

        await().until(d -> d.findElement(By.tagName("h1")).getText().equals("浏览器里看到的新标题"));
        assertThat(js().executeScript("return window.notReloaded === true")).isEqualTo(false);
    }

    @Test
    void aStylesheetEditIsAppliedWithoutReloading() throws IOException {
        Path css = site.resolve("themes/default/static/style.css");
        Files.writeString(css, Files.readString(css) + "\nbody { outline: 7px solid rgb(1, 2, 3); }\n");

        await().until(d -> js().executeScript("return getComputedStyle(document.body).outlineWidth").equals("7px"));
        assertThat(js().executeScript("return window.notReloaded === true")).isEqualTo(true);
    }

    @Test
    void aBrokenBuildShowsItsErrorsAndTheFixTakesThemAway() throws IOException {
        edit(ARTICLE, "title: [没有合上的括号");

        await().until(d -> !d.findElements(By.id("broadsheet-error")).isEmpty());
        assertThat(driver().findElement(By.id("broadsheet-error")).getText()).contains(ARTICLE);

        edit(ARTICLE, "title: 修好以后");
        await().until(d -> d.findElements(By.id("broadsheet-error")).isEmpty()
                && d.findElement(By.tagName("h1")).getText().equals("修好以后"));
    }

    private void edit(String file, String titleLine) throws IOException {
        Path path = site.resolve(file);
        Files.writeString(path, Files.readString(path).replaceFirst("(?m)^title: .*$", titleLine));
    }

    /** Waits until the page's live-reload stream is open, so no build is announced before the tab listens. */
    private void awaitListening() throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (preview.listeners() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(preview.listeners()).as("tabs listening for reloads").isEqualTo(1);
    }

    /**
     * Waits for a condition, asking again when the page reloaded under it: an element found just before the
     * reload is stale by the time its text is read (it failed CI once, on a build a little faster than before).
     */
    private WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver(), PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private ChromeDriver driver() {
        return browser.driver();
    }

    private JavascriptExecutor js() {
        return driver();
    }
}
