package org.broadsheet.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver, with a fresh profile per instance.
 *
 * <p>Both binaries are given by path, so Selenium Manager (which would try to download a driver and a
 * browser) never runs. A missing browser is a test failure telling how to install it, never a skip: a CI
 * machine without Chromium must not pass the browser tests by not running them.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** From fonts-noto-cjk: without a CJK font, pages and screenshots show boxes instead of Chinese. */
    public static final Path CJK_FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /**
     * A browser whose viewport is exactly {@code width}×{@code height} CSS pixels at a device pixel ratio of 1.
     *
     * <p>The window alone cannot do this: headless Chromium keeps a window at least 500 pixels wide and takes
     * its viewport's height less room for browser controls. So the viewport is set through chromedriver's
     * device emulation as well, which with {@code phone} also makes the page a phone's: touch events, overlay
     * scrollbars and the page's {@code <meta name="viewport">} obeyed.
     */
    public static Browser start(int width, int height, boolean phone) {
        requireInstalled(Files.isExecutable(CHROMIUM), CHROMIUM, "chromium");
        requireInstalled(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER, "chromium-driver");
        requireInstalled(Files.isReadable(CJK_FONT), CJK_FONT, "fonts-noto-cjk");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("broadsheet-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-extensions",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--force-device-scale-factor=1",
                "--lang=zh-CN",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                "width", width, "height", height, "pixelRatio", 1.0, "mobile", phone, "touch", phone)));
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            TempFolders.delete(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(profile, service, driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * What the page logged as an error since the last call: failed requests (a missing stylesheet, image or
     * script), uncaught script errors, blocked content.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Saves what the viewport shows as a PNG. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            TempFolders.delete(profile);
        }
    }

    private static void requireInstalled(boolean present, Path file, String debianPackage) {
        if (!present) {
            fail(file + " is missing: the browser tests drive Debian's Chromium. Run ./run-tests, which installs "
                    + "chromium, chromium-driver, fonts-noto-cjk and nginx (as root; otherwise it prints the "
                    + "apt-get command), or: sudo apt-get install -y " + debianPackage);
        }
    }

}
