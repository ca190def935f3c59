// How long the search page keeps the browser's main thread busy while a reader types and searches a built site.
// Debian's Chromium reads the site from nginx (the test classes' Nginx); a reader types each query a character at a
// time into the search page's field and presses Enter, then, for a common query, loads "更早的结果" several times.
// Every task the page's main thread ran is read from a DevTools trace (RunTask on CrRendererMain), and the same
// page's PerformanceObserver 'longtask' entries are printed beside them as a check. Prints, per query: the longest
// main-thread task, how many took over 50 ms and over 16 ms, the main thread's busy time, what a worker thread ran
// (when the client uses one), the slowest keystroke as the Event Timing API saw it, and the time from Enter (or the
// click) to the status line, to the first results, and to the last snippet. Run after `mvn test-compile`:
//   java -cp target/classes:target/test-classes:$(cat CP) bench/SearchClientBench.java OUT [--phone] [--throttle R]
//        [--rounds N] [--type-delay MS] [QUERY ...]
// CP is the test classpath (mvn dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=CP). --phone
// emulates a 390x844 phone, --throttle R slows the page's CPU R times (DevTools Emulation.setCPUThrottlingRate).
// Every query is searched from a fresh load of search/ with the HTTP cache off, so it reads and parses its files
// anew; only what happens from the first keystroke on is counted. The trace goes through Selenium's DevTools
// connection, which needs a selenium-devtools module near the installed Chromium's version (4.52: v154–v156).
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.broadsheet.browser.Browser;
import org.broadsheet.browser.Nginx;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;

class SearchClientBench {
    // Common words, rare names (in 3 and 31 of the 100000-1 corpus's stories), a phrase in quotes, a long phrase of
    // common pairs, two terms, and two strings of common pairs found nowhere, which read every quarter's shards.
    static final List<String> QUERIES = List.of("法院", "鄂尔多斯", "社区矫正", "太平镇", "方东敏", "审判员方",
            "\"中级人民法院\"", "双方签订的草场流转合同系双方真实意思表示", "鄂尔多斯 社区矫正", "法院 方东敏",
            "法院检察", "群众法院");
    static final String COMMON = "法院";
    // The query that keeps the client busiest (it reads every quarter's shards and finds nothing), and one typed
    // into the field while it runs: how smooth typing stays while a search works.
    static final String SLOW = "群众法院";
    static final String NEXT = "鄂尔多斯社区矫正";
    static final int MORE_CLICKS = 5;

    // Installed before any of the page's scripts: the page's long tasks, slow input events, keystrokes and clicks,
    // and the moments the status line and the results changed.
    static final String OBSERVE = """
            (() => {
              const b = window.__bench = {long: [], events: [], keys: [], status: [], results: []};
              performance.setResourceTimingBufferSize(100000);
              const watch = (type, map, extra) => { try {
                new PerformanceObserver(l => l.getEntries().forEach(e => b[map].push(e.toJSON())))
                    .observe(Object.assign({type: type, buffered: true}, extra || {}));
              } catch (e) {} };
              watch('longtask', 'long');
              watch('event', 'events', {durationThreshold: 16});
              addEventListener('keydown', e => b.keys.push({k: e.key, t: e.timeStamp}), true);
              addEventListener('click', e => b.keys.push({k: 'click', t: e.timeStamp}), true);
              addEventListener('DOMContentLoaded', () => {
                const status = document.getElementById('search-status');
                const results = document.getElementById('search-results');
                if (!status) { return; }
                new MutationObserver(() => b.status.push({t: performance.now(), s: status.textContent}))
                    .observe(status, {childList: true, characterData: true, subtree: true});
                // Cheap on purpose: it runs on the page's main thread, inside the tasks being measured.
                new MutationObserver(records => b.results.push({t: performance.now(), n: results.children.length,
                    snippet: records.some(r => r.target.nodeType === 1 && r.target.classList.contains('snippet'))}))
                    .observe(results, {childList: true, subtree: true});
              });
            })();
            """;

    // Resolves once the status line says something final after `since` and every snippet is filled (or has stayed
    // empty for 5 s after the status, which a failed story page would leave), then hands back what was recorded.
    static final String SETTLE = """
            const since = arguments[0], done = arguments[arguments.length - 1];
            const b = window.__bench, start = performance.now();
            const final = () => b.status.find(s => s.t >= since && s.s !== '' && s.s !== '正在搜索……');
            (function poll() {
              const f = final(), results = document.querySelectorAll('#search-results .snippet');
              const filled = Array.from(results).every(p => p.firstChild);
              if ((f && filled) || (f && performance.now() - f.t > 5000) || performance.now() - start > 120000) {
                setTimeout(() => {
                  b.json = performance.getEntriesByType('resource').filter(e => e.startTime >= since
                      && new URL(e.name).pathname.endsWith('.json')).reduce((sum, e) => sum + e.decodedBodySize, 0);
                  done(JSON.parse(JSON.stringify(b)));
                }, 300);
              } else { setTimeout(poll, 100); }
            })();
            """;

    /** One measured step: what the trace and the page recorded from its first keystroke (or click) on. */
    record Figures(String what, int results, double kilobytes, Tasks main, double script, Tasks worker,
                   double observed, double slowestKey, double toStatus, double toResults, double toSnippets,
                   String longestDid) {
        static final String FORMAT = "%-22s %5s %6s | %7s %5s %5s %7s %5s | %7s %7s | %7s %5s | %7s %7s %8s  %s";

        static String header() {
            return String.format(FORMAT, "query", "shown", "KB", "longest", ">50", ">16", "busy", "js", "w.long",
                    "w.busy", "lt.obs", "key", "status", "results", "snippets", "longest task did");
        }

        String row() {
            return String.format(FORMAT, what, results, ms(kilobytes), ms(main.longest), main.over50, main.over16,
                    ms(main.busy), ms(script), ms(worker.longest), ms(worker.busy), ms(observed), ms(slowestKey),
                    ms(toStatus), ms(toResults), ms(toSnippets), longestDid);
        }

        private static String ms(double value) {
            return Double.isNaN(value) ? "-" : String.format("%.0f", value);
        }
    }

    /** Tasks of one kind of thread, in ms: the longest, how many over 50 and over 16 ms, and their sum. */
    record Tasks(double longest, int over50, int over16, double busy) {
        static Tasks of(List<Double> durations) {
            return new Tasks(durations.stream().mapToDouble(d -> d).max().orElse(0),
                    (int) durations.stream().filter(d -> d > 50).count(),
                    (int) durations.stream().filter(d -> d > 16).count(),
                    durations.stream().mapToDouble(d -> d).sum());
        }
    }

    /** A DevTools trace of the renderer's tasks, started and stopped around each step. */
    static final class Trace {
        private final DevTools devTools;
        private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        private CountDownLatch complete;

        @SuppressWarnings("unchecked")
        Trace(ChromeDriver driver) {
            devTools = driver.getDevTools();
            devTools.createSession();
            devTools.addListener(new Event<List<Map<String, Object>>>("Tracing.dataCollected",
                    in -> (List<Map<String, Object>>) in.<Map<String, Object>>read(Json.MAP_TYPE).get("value")),
                    (Consumer<List<Map<String, Object>>>) events::addAll);
            devTools.addListener(new Event<Object>("Tracing.tracingComplete", in -> in.read(Json.MAP_TYPE)),
                    (Consumer<Object>) done -> complete.countDown());
        }

        void start() {
            events.clear();
            complete = new CountDownLatch(1);
            devTools.send(new Command<>("Tracing.start", Map.of("categories",
                    "devtools.timeline,disabled-by-default-devtools.timeline", "transferMode", "ReportEvents")));
        }

        /**
         * Stops the trace: the durations (ms) of the tasks each kind of thread ran, by thread name, and what the
         * longest task of the page's main thread spent its time on.
         */
        Traced stop() throws InterruptedException {
            devTools.send(new Command<>("Tracing.end", Map.of()));
            if (!complete.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the trace did not complete");
            }
            // Selenium hands events to listeners on other threads, so data may still come after the completion.
            for (int seen = -1; seen != events.size(); ) {
                seen = events.size();
                Thread.sleep(500);
            }
            Map<String, String> names = new HashMap<>();
            for (Map<String, Object> e : events) {
                if ("thread_name".equals(e.get("name"))) {
                    names.put(thread(e), String.valueOf(((Map<?, ?>) e.get("args")).get("name")));
                }
            }
            Map<String, List<Double>> tasks = new HashMap<>();
            Map<String, List<Map<String, Object>>> byThread = new HashMap<>();
            List<Map<String, Object>> main = new ArrayList<>();
            for (Map<String, Object> e : events) {
                byThread.computeIfAbsent(thread(e), t -> new ArrayList<>()).add(e);
                if ("RunTask".equals(e.get("name")) && e.get("dur") instanceof Number dur) {
                    String name = names.getOrDefault(thread(e), "?");
                    tasks.computeIfAbsent(name, t -> new ArrayList<>()).add(dur.doubleValue() / 1000);
                    if (name.equals("CrRendererMain")) {
                        main.add(e);
                    }
                }
            }
            String longestDid = "";
            double longest = 0, script = 0;
            for (Map<String, Object> task : main) {
                Map<String, Double> did = inside(task, byThread.get(thread(task)));
                double other = did.entrySet().stream().filter(e -> NOT_SCRIPT.matcher(e.getKey()).lookingAt())
                        .mapToDouble(Map.Entry::getValue).sum();
                script = Math.max(script, num(task, "dur") / 1000 - other);
                if (num(task, "dur") / 1000 > longest) {
                    longest = num(task, "dur") / 1000;
                    StringBuilder text = new StringBuilder();
                    did.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
                            .forEach(e -> text.append(String.format(" %s %.0f", e.getKey(), e.getValue())));
                    longestDid = text.toString().strip();
                }
            }
            return new Traced(tasks, script, longestDid);
        }

        /**
         * The events directly inside a task, in ms, summed by name (an event dispatch by the event's type, a
         * function call by its function's name).
         */
        private static Map<String, Double> inside(Map<String, Object> task, List<Map<String, Object>> thread) {
            double from = num(task, "ts"), to = from + num(task, "dur");
            List<Map<String, Object>> within = thread.stream().filter(e -> e != task
                    && "X".equals(e.get("ph")) && num(e, "ts") >= from && num(e, "ts") < to
                    && !String.valueOf(e.get("name")).contains("RunTask")).sorted(Comparator.comparingDouble(
                    (Map<String, Object> e) -> num(e, "ts")).thenComparingDouble(e -> -num(e, "dur"))).toList();
            Map<String, Double> sums = new HashMap<>();
            double end = -1;
            for (Map<String, Object> e : within) {
                if (num(e, "ts") < end) {
                    continue;
                }
                end = num(e, "ts") + num(e, "dur");
                String name = String.valueOf(e.get("name"));
                if (e.get("args") instanceof Map<?, ?> args && args.get("data") instanceof Map<?, ?> data) {
                    if (data.get("functionName") instanceof String function && !function.isEmpty()) {
                        name += ":" + function;
                    } else if (data.get("type") instanceof String type) {
                        name += ":" + type;
                    }
                }
                sums.merge(name, num(e, "dur") / 1000, Double::sum);
            }
            return sums;
        }

        private static String thread(Map<String, Object> e) {
            return e.get("pid") + "/" + e.get("tid");
        }
    }

    /**
     * What one trace held: task durations by thread name; the longest main-thread task once its style, layout,
     * paint, HTML parsing and garbage collection are taken out (what is left is script: the work a worker could
     * take); and what the longest main-thread task did.
     */
    record Traced(Map<String, List<Double>> tasks, double script, String longest) {
    }

    /** What a task does that is not running the page's script (nor work a worker could take from it). */
    static final java.util.regex.Pattern NOT_SCRIPT = java.util.regex.Pattern.compile(
            "Layout|UpdateLayoutTree|PrePaint|Paint|Layerize|Commit|HitTest|ParseHTML|MinorGC|MajorGC|V8\\.GC");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        boolean phone = false;
        double throttle = 1;
        int rounds = 1;
        long typeDelay = 150;
        List<String> queries = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--phone" -> phone = true;
                case "--throttle" -> throttle = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--type-delay" -> typeDelay = Long.parseLong(args[++i]);
                default -> queries.add(args[i]);
            }
        }
        if (queries.isEmpty()) {
            queries = QUERIES;
        }
        System.out.printf("site %s, %s, CPU throttling %.0fx, %d ms between keystrokes, load %s%n", out,
                phone ? "phone 390x844" : "desktop 1280x900", throttle, typeDelay, loadavg());
        Path profile = Files.createTempDirectory("search-client-bench-");
        ChromeDriver driver = start(phone ? 390 : 1280, phone ? 844 : 900, phone, profile);
        try (Nginx nginx = Nginx.serve(out, "archive")) {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            if (throttle != 1) {
                driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", throttle));
            }
            Trace trace = new Trace(driver);
            System.out.println(selfCheck(driver, nginx.url(), trace));
            System.out.println("KB: JSON the search read (raw); ms: main thread (trace): longest task, tasks over 50"
                    + " and 16 ms, busy, js: longest task less its style, layout, paint, HTML parsing and GC; w.:"
                    + " dedicated workers' longest task and busy time; lt.obs: longest 'longtask' entry; key:"
                    + " slowest keystroke (Event Timing, 8 ms steps, 0 when none took 16 ms); status/results/snippets:"
                    + " from Enter or the click");
            System.out.println(Figures.header());
            for (int round = 1; round <= rounds; round++) {
                for (String query : queries) {
                    System.out.println(search(driver, trace, nginx.url(), query, typeDelay).row());
                }
                System.out.println(typingDuring(driver, trace, nginx.url(), SLOW, NEXT, typeDelay).row());
                for (Figures more : older(driver, trace, nginx.url(), COMMON)) {
                    System.out.println(more.row());
                }
            }
        } finally {
            driver.quit();
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("load " + loadavg());
    }

    /** Chromium as the browser tests start it (Browser.start), with a DevTools connection for tracing. */
    static ChromeDriver start(int width, int height, boolean phone, Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Browser.CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
                "--disable-extensions", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                "--force-device-scale-factor=1", "--lang=zh-CN", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                "width", width, "height", height, "pixelRatio", 1.0, "mobile", phone, "touch", phone)));
        return new ChromeDriver(service, options);
    }

    /** Shows that both instruments see a task: a 120 ms busy loop in the page must come back from each. */
    @SuppressWarnings("unchecked")
    static String selfCheck(ChromeDriver driver, String url, Trace trace) throws InterruptedException {
        driver.get(url + "search/");
        trace.start();
        driver.executeScript("setTimeout(() => { const t = performance.now(); while (performance.now() - t < 120) {}"
                + " })");
        Thread.sleep(1000);
        double traced = Tasks.of(trace.stop().tasks().getOrDefault("CrRendererMain", List.of())).longest();
        Map<?, ?> b = (Map<?, ?>) driver.executeScript("return JSON.parse(JSON.stringify(window.__bench))");
        double observed = ((List<Map<?, ?>>) b.get("long")).stream().mapToDouble(t -> num(t, "duration")).max()
                .orElse(0);
        if (traced < 100 || observed < 100) {
            throw new IllegalStateException("a 120 ms busy loop was missed: trace " + traced + ", observer "
                    + observed);
        }
        return String.format("self-check: a 120 ms busy loop is a %.0f ms task in the trace, a %.0f ms long task to the"
                + " observer", traced, observed);
    }

    /** Opens a fresh search page and starts tracing; returns the page's clock at the start. */
    static double openSearchPage(ChromeDriver driver, Trace trace, String url) throws InterruptedException {
        driver.get(url + "search/");
        Thread.sleep(500);
        double since = now(driver);
        trace.start();
        return since;
    }

    /** Types {@code text} into {@code field} a character (code point) at a time, {@code delay} ms apart. */
    static void typeSlowly(WebElement field, String text, long delay) throws InterruptedException {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            field.sendKeys(text.substring(i, text.offsetByCodePoints(i, 1)));
            Thread.sleep(delay);
        }
    }

    /** A fresh search page; the query typed a character at a time; Enter. */
    static Figures search(ChromeDriver driver, Trace trace, String url, String query, long typeDelay)
            throws InterruptedException {
        double since = openSearchPage(driver, trace, url);
        WebElement field = driver.findElement(By.id("search-q"));
        field.click();
        typeSlowly(field, query, typeDelay);
        field.sendKeys(Keys.ENTER);
        Map<?, ?> b = settle(driver, since);
        return figures(query, b, trace.stop(), since, "Enter");
    }

    /** {@code slow} searched, and {@code next} typed into the field a character at a time while that search runs. */
    static Figures typingDuring(ChromeDriver driver, Trace trace, String url, String slow, String next, long typeDelay)
            throws InterruptedException {
        double since = openSearchPage(driver, trace, url);
        WebElement field = driver.findElement(By.id("search-q"));
        field.sendKeys(slow, Keys.ENTER);
        field.clear();
        typeSlowly(field, next, typeDelay);
        Map<?, ?> b = settle(driver, since);
        return figures(next + " typed during " + slow, b, trace.stop(), since, "Enter");
    }

    /** A search for {@code query}, then "更早的结果" clicked {@link #MORE_CLICKS} times, each measured alone. */
    static List<Figures> older(ChromeDriver driver, Trace trace, String url, String query) throws InterruptedException {
        driver.get(url + "search/?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        settle(driver, 0);
        List<Figures> out = new ArrayList<>();
        for (int k = 1; k <= MORE_CLICKS; k++) {
            WebElement more = driver.findElement(By.id("search-more"));
            if (!more.isDisplayed()) {
                break;
            }
            double since = now(driver);
            trace.start();
            more.click();
            Map<?, ?> b = settle(driver, since);
            out.add(figures(query + " 更早的结果 " + k, b, trace.stop(), since, "click"));
        }
        return out;
    }

    static double now(ChromeDriver driver) {
        return ((Number) driver.executeScript("return performance.now()")).doubleValue();
    }

    static Map<?, ?> settle(ChromeDriver driver, double since) {
        return (Map<?, ?>) driver.executeAsyncScript(SETTLE, since);
    }

    @SuppressWarnings("unchecked")
    static Figures figures(String what, Map<?, ?> b, Traced traced, double since, String trigger) {
        Map<String, List<Double>> tasks = traced.tasks();
        List<Map<?, ?>> keys = (List<Map<?, ?>>) b.get("keys");
        double go = keys.stream().filter(k -> trigger.equals(k.get("k")) && num(k, "t") >= since)
                .mapToDouble(k -> num(k, "t")).max().orElse(since);
        double observed = ((List<Map<?, ?>>) b.get("long")).stream().filter(t -> num(t, "startTime") >= since)
                .mapToDouble(t -> num(t, "duration")).max().orElse(0);
        double key = ((List<Map<?, ?>>) b.get("events")).stream()
                .filter(e -> num(e, "startTime") >= since && String.valueOf(e.get("name")).startsWith("key"))
                .mapToDouble(e -> num(e, "duration")).max().orElse(0);
        double status = ((List<Map<?, ?>>) b.get("status")).stream().filter(s -> num(s, "t") >= go
                && !"".equals(s.get("s")) && !"正在搜索……".equals(s.get("s"))).mapToDouble(s -> num(s, "t")).min()
                .orElse(Double.NaN) - go;
        List<Map<?, ?>> results = ((List<Map<?, ?>>) b.get("results")).stream().filter(r -> num(r, "t") >= go).toList();
        int shown = results.isEmpty() ? 0 : (int) num(results.get(results.size() - 1), "n");
        double firstShown = results.stream().filter(r -> num(r, "n") > 0).mapToDouble(r -> num(r, "t")).min()
                .orElse(Double.NaN) - go;
        double lastSnippet = results.stream().filter(r -> Boolean.TRUE.equals(r.get("snippet")))
                .mapToDouble(r -> num(r, "t")).max()
                .orElse(Double.NaN) - go;
        List<Double> worker = new ArrayList<>();
        tasks.forEach((thread, list) -> {
            if (thread.startsWith("DedicatedWorker")) {
                worker.addAll(list);
            }
        });
        return new Figures(what, shown, num(b, "json") / 1000,
                Tasks.of(tasks.getOrDefault("CrRendererMain", List.of())), traced.script(), Tasks.of(worker),
                observed, key, status, firstShown, lastSnippet, traced.longest());
    }

    static double num(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
