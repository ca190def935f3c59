import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Measures `broadsheet serve` as an editor meets it: starts it on SITE (a separate process, with the JVM options
 * given), then
 * <ol>
 * <li>20 edits (body, title, a new article, its deletion, in turn), each saved as editors save (write a temporary
 * file, rename it over the article), timed from the rename to the moment the server answers with the new page;
 * <li>a template edit that touches every article page, timed the same way on one page, beside the first build;
 * <li>the server's resident memory (VmRSS, and its peak VmHWM) after those edits;
 * <li>load: 64 clients fetching pages for 30 s while an article is edited every 2 s: errors, requests per
 * second, p50 and p99 latency.
 * </ol>
 *
 * <pre>java bench/ServeLatency.java JAR SITE OUTPUT [JVM options for serve...]</pre>
 */
public final class ServeLatency {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/ServeLatency.java JAR SITE OUTPUT [JVM options...]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path site = Path.of(args[1]).toAbsolutePath();
        Path output = Path.of(args[2]).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(args).subList(3, args.length));
        command.addAll(List.of("-jar", jar.toString(), "serve", "--site", site.toString(), "--output",
                output.toString(), "--port", "0", "--verbose"));
        long started = System.nanoTime();
        Process serve = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            URI url = null;
            String firstBuild = "";
            for (String line; url == null && (line = out.readLine()) != null; ) {
                if (line.startsWith("built ")) {
                    firstBuild = line;
                } else if (line.startsWith("serving ")) {
                    url = URI.create(line.replaceAll(".* at (http\\S+) .*", "$1"));
                }
            }
            if (url == null) {
                throw new IllegalStateException("serve stopped before serving");
            }
            System.out.printf("first build and serving after %.1f s: %s%n", seconds(started), firstBuild);
            // What serve prints after it (its builds, its previews) goes to OUT.log, with the milliseconds since
            // the benchmark started, to line up with the edits it times.
            Path log = Path.of(args[2] + ".log");
            java.io.PrintWriter logged = new java.io.PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
            Thread drain = new Thread(() -> out.lines().forEach(line -> logged.printf("%8d %s%n",
                    (System.nanoTime() - started) / 1_000_000, line)), "drain");
            drain.setDaemon(true);
            drain.start();
            List<Path> articles;
            try (Stream<Path> files = Files.walk(site.resolve("content"))) {
                articles = files.filter(p -> p.getFileName().toString().matches("\\d\\d\\.md")).sorted().toList();
            }
            edits(url, site, articles);
            templateEdit(url, site, articles.get(articles.size() / 2));
            memory(serve.pid());
            load(url, site, articles);
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        System.exit(0); // the HTTP clients' selector threads would keep the JVM up
    }

    private static void edits(URI url, Path site, List<Path> articles) throws Exception {
        Random random = new Random(20251212);
        List<Long> millis = new ArrayList<>();
        Path lastAdded = null;
        for (int round = 0; round < 20; round++) {
            Path article = articles.get(random.nextInt(articles.size()));
            String page = pageOf(site, article);
            String kind;
            long took;
            switch (round % 4) {
                case 0 -> {
                    kind = "body";
                    String mark = "补记" + round + "号";
                    took = saveAndWait(article, Files.readString(article) + "\n" + mark + "\n", url, page,
                            body -> body.contains(mark));
                }
                case 1 -> {
                    kind = "title";
                    String title = "改后标题第" + round + "号";
                    took = saveAndWait(article, Files.readString(article).replaceFirst("(?m)^title: .*$",
                            "title: " + title), url, page, body -> body.contains(title));
                }
                case 2 -> {
                    kind = "add";
                    Path added = article.resolveSibling("99.md");
                    String title = "新增稿件第" + round + "号";
                    took = saveAndWait(added, "---\ntitle: " + title + "\n---\n新增的正文。\n", url,
                            pageOf(site, added), body -> body.contains(title));
                    article = added;
                }
                default -> {
                    kind = "delete";
                    Path added = lastAdded;
                    long start = System.nanoTime();
                    Files.delete(added);
                    took = waitFor(url, pageOf(site, added), start, status -> status == 404);
                    article = added;
                }
            }
            if (kind.equals("add")) {
                lastAdded = article;
            }
            millis.add(took);
            System.out.printf("  edit %2d (%-6s %s): %d ms%n", round + 1, kind, site.relativize(article), took);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("edit to new page served, 20 edits: median %d ms, worst %d ms%n",
                (sorted.get(9) + sorted.get(10)) / 2, sorted.get(19));
    }

    private static void templateEdit(URI url, Path site, Path article) throws Exception {
        Path template = site.resolve("themes/default/templates/article.ftlh");
        String text = Files.readString(template);
        String mark = "<!-- template edit " + System.nanoTime() + " -->";
        long took = saveAndWait(template, text + "\n" + mark + "\n", url, pageOf(site, article),
                body -> body.contains(mark));
        System.out.printf("template edit touching every article page: %d ms until one of them is served new%n",
                took);
        Thread.sleep(2_000); // let the rest of the publish finish before measuring memory
    }

    private static void memory(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
                System.out.println("serve process " + line.replaceAll("\\s+", " "));
            }
        }
    }

    private static void load(URI url, Path site, List<Path> articles) throws Exception {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < articles.size(); i += Math.max(1, articles.size() / 500)) {
            pages.add(pageOf(site, articles.get(i)));
        }
        pages.add("");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(64);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        for (int c = 0; c < 64; c++) {
            int seed = c;
            clients.submit(() -> {
                Random random = new Random(seed);
                List<Long> mine = new ArrayList<>();
                while (running.get()) {
                    String page = pages.get(random.nextInt(pages.size()));
                    long t = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url.resolve(page))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.add(System.nanoTime() - t);
                }
                latencies.addAll(mine);
            });
        }
        Path edited = articles.get(articles.size() / 3);
        String original = Files.readString(edited);
        for (int i = 0; i < 15; i++) {
            save(edited, original + "\n负载中的修改" + i + "\n");
            Thread.sleep(2_000);
        }
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        double secs = seconds(start);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("load, 64 clients for %.0f s with an edit every 2 s: %d requests, %d errors, %.0f requests/s,"
                        + " p50 %.1f ms, p99 %.1f ms%n", secs, sorted.size(), errors.get(), sorted.size() / secs,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        http.executor().ifPresent(executor -> ((ExecutorService) executor).shutdownNow());
    }

    /** The URL path of an article file's page, as the layout maps it (YYYY/MM/DD/NN/NN.md → …/NN/NN.html). */
    private static String pageOf(Path site, Path article) {
        String relative = site.resolve("content").relativize(article).toString();
        return relative.substring(0, relative.length() - 3) + ".html";
    }

    private static long saveAndWait(Path file, String text, URI url, String page, Predicate<String> ready)
            throws Exception {
        long start = save(file, text);
        long end = start + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url.resolve(page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && ready.test(response.body())) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(page + " was not served new within 120 s");
    }

    private static long waitFor(URI url, String page, long start, java.util.function.IntPredicate status)
            throws Exception {
        long end = start + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url.resolve(page)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (status.test(response.statusCode())) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(page + " did not change status within 120 s");
    }

    /** Saves as editors do: a temporary file beside it, renamed over it. Returns the time of the rename. */
    private static long save(Path file, String text) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        long start = System.nanoTime();
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return start;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
