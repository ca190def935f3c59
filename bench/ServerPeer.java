import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Issue 15's server choice, measured: one built site folder served by the JDK's HTTP server (as
 * {@code SiteServer} runs it) or by Jetty 12, and the load check driven from another process.
 *
 * <pre>
 * java -cp CP bench/ServerPeer.java serve jdk|jdk-inject|jdk-nodelay|jdk-inject-nodelay|jetty|jetty-inject PORT DIR
 * java -cp CP bench/ServerPeer.java load URL DIR SERVER_PID [SECONDS]
 * </pre>
 *
 * <ul>
 * <li>{@code jdk}: com.sun.net.httpserver on a cached thread pool, files answered as {@code StaticFiles} answers
 * them (folder → index.html, the site's 404.html, charset, ETag/Last-Modified, 304), the page streamed from disk.
 * <li>{@code jetty}: Jetty's own static path, the ee-neutral {@code ResourceHandler} (welcome file, ETags, its
 * validating in-memory cache as it comes), then a handler that answers the site's 404.html.
 * <li>{@code jdk-inject}, {@code jetty-inject}: what {@code serve} really does to a page, on either server: the
 * same code resolves the file and injects the live-reload script into HTML, so only the server differs.
 * <li>{@code -nodelay}: the JDK's server with {@code -Dsun.net.httpserver.nodelay=true} (TCP_NODELAY).
 * </ul>
 * The server prints "listening PORT" once it answers; the load prints one summary line.
 */
public final class ServerPeer {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String SCRIPT = "<script src=\"/__broadsheet/live.js\" data-instance=\"peer\""
            + " data-generation=\"1\" data-failed=\"false\"></script>";

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("serve")) {
            serve(args[1], Integer.parseInt(args[2]), Path.of(args[3]).toRealPath());
        } else if (args.length >= 4 && args[0].equals("load")) {
            load(URI.create(args[1]), Path.of(args[2]), Long.parseLong(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 30);
            System.exit(0); // the HTTP client's selector thread would keep the JVM up
        } else {
            System.err.println("usage: ServerPeer serve jdk|jdk-inject|jetty|jetty-inject PORT DIR\n"
                    + "       ServerPeer load URL DIR SERVER_PID [SECONDS]");
            System.exit(2);
        }
    }

    // ---- the servers ------------------------------------------------------------------------------------------

    private static void serve(String kind, int port, Path root) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        switch (kind) {
            case "jdk", "jdk-inject", "jdk-nodelay", "jdk-inject-nodelay" -> {
                if (kind.endsWith("-nodelay")) {
                    // The JDK server writes a response's headers and its body apart; without TCP_NODELAY the
                    // body waits on Nagle's algorithm for the client's delayed ACK (~40 ms on Linux).
                    System.setProperty("sun.net.httpserver.nodelay", "true");
                }
                // As SiteServer: backlog 128, a cached pool of daemon threads, so each connection has a thread.
                HttpServer server = HttpServer.create(address, 128);
                AtomicInteger count = new AtomicInteger();
                server.setExecutor(Executors.newCachedThreadPool(task -> {
                    Thread thread = new Thread(task, "peer-serve-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }));
                boolean inject = kind.startsWith("jdk-inject");
                server.createContext("/", exchange -> jdkHandle(exchange, root, inject));
                server.start();
                System.out.println("listening " + server.getAddress().getPort());
            }
            case "jetty", "jetty-inject" -> {
                Server server = new Server(); // its default QueuedThreadPool: 8 to 200 threads
                ServerConnector connector = new ServerConnector(server);
                connector.setHost("127.0.0.1");
                connector.setPort(port);
                connector.setAcceptQueueSize(128);
                server.addConnector(connector);
                if (kind.equals("jetty")) {
                    ResourceHandler files = new ResourceHandler();
                    files.setBaseResource(ResourceFactory.of(server).newResource(root));
                    files.setWelcomeFiles("index.html");
                    files.setDirAllowed(false);
                    files.setCacheControl("no-cache");
                    files.setEtags(true); // off by default in Jetty 12.0; StaticFiles always sends one
                    // Jetty's table types html as plain "text/html": the charset is what StaticFiles adds. The
                    // handler takes the server's table when it starts, so the mappings go there.
                    MimeTypes.Mutable types = server.getMimeTypes();
                    for (String[] type : new String[][] {{"html", "text/html;charset=utf-8"},
                            {"css", "text/css;charset=utf-8"}, {"js", "text/javascript;charset=utf-8"},
                            {"json", "application/json;charset=utf-8"}, {"xml", "application/xml;charset=utf-8"},
                            {"txt", "text/plain;charset=utf-8"}}) {
                        types.addMimeMapping(type[0], type[1]);
                    }
                    // ResourceHandler lets a missing file through: the next handler answers the site's 404 page.
                    server.setHandler(new Handler.Sequence(files, new NotFound(root)));
                } else {
                    server.setHandler(new JettyFiles(root));
                }
                server.start();
                System.out.println("listening " + connector.getLocalPort());
            }
            default -> throw new IllegalArgumentException("unknown server " + kind);
        }
    }

    private static void jdkHandle(HttpExchange exchange, Path root, boolean inject) throws IOException {
        try (exchange) {
            Answer answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders()::getFirst, root, inject);
            answer.headers.forEach(exchange.getResponseHeaders()::set);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            long length = answer.body != null ? answer.body.length : answer.length;
            if (head || answer.status == 304 || length <= 0) {
                if (length >= 0 && answer.status != 304) {
                    exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
                }
                exchange.sendResponseHeaders(answer.status, -1);
                return;
            }
            if (answer.body != null) {
                exchange.sendResponseHeaders(answer.status, length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body);
                }
                return;
            }
            // As StaticFiles sends a file it does not change: opened before the headers, then streamed.
            try (InputStream in = Files.newInputStream(answer.file)) {
                exchange.sendResponseHeaders(answer.status, length);
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        } catch (IOException e) {
            // the client went away mid-answer
        }
    }

    /** jetty-inject: the same answers as jdk-inject, written through Jetty's core API. */
    private static final class JettyFiles extends Handler.Abstract {
        private final Path root;

        JettyFiles(Path root) {
            this.root = root;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Answer answer = answer(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHeaders()::get, root, true);
            response.setStatus(answer.status);
            answer.headers.forEach(response.getHeaders()::put);
            byte[] body = answer.body != null ? answer.body
                    : answer.file != null ? Files.readAllBytes(answer.file) : new byte[0];
            if (request.getMethod().equals("HEAD") || answer.status == 304) {
                response.getHeaders().put("Content-Length", Long.toString(body.length));
                callback.succeeded();
            } else {
                response.getHeaders().put("Content-Length", Long.toString(body.length));
                response.write(true, ByteBuffer.wrap(body), callback);
            }
            return true;
        }
    }

    /** After ResourceHandler: the site's 404.html with status 404, read from disk each time as StaticFiles does. */
    private static final class NotFound extends Handler.Abstract {
        private final Path page;

        NotFound(Path root) {
            this.page = root.resolve("404.html");
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body = Files.readAllBytes(page);
            response.setStatus(404);
            response.getHeaders().put("Content-Type", "text/html;charset=utf-8");
            response.getHeaders().put("Content-Length", Long.toString(body.length));
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }

    // ---- what both servers answer (a condensed StaticFiles) -------------------------------------------------

    /** Status, headers, and either a body in memory or a file to send as it is. */
    private record Answer(int status, Map<String, String> headers, byte[] body, Path file, long length) {
        static Answer text(int status, String text) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "text/plain; charset=utf-8");
            headers.put("X-Content-Type-Options", "nosniff");
            return new Answer(status, headers, text.getBytes(StandardCharsets.UTF_8), null, -1);
        }
    }

    private static Answer answer(String method, String rawPath, Function<String, String> header, Path root,
            boolean inject) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Answer.text(405, "Only GET and HEAD.\n");
        }
        String relative = relative(rawPath);
        if (relative == null) {
            return Answer.text(400, "Bad request path.\n");
        }
        Path file = root.resolve(relative);
        if (Files.isDirectory(file)) {
            if (!rawPath.endsWith("/")) {
                Answer redirect = Answer.text(301, "");
                redirect.headers.put("Location", rawPath + "/");
                return redirect;
            }
            file = file.resolve("index.html");
        }
        Path real = inside(root, file);
        int status = 200;
        if (real == null) {
            real = inside(root, root.resolve("404.html"));
            status = 404;
            if (real == null) {
                return Answer.text(404, "Not found\n");
            }
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) { // replaced or removed between the two looks
            return Answer.text(404, "Not found\n");
        }
        String name = real.getFileName().toString();
        String type = type(name);
        boolean html = type.startsWith("text/html");
        Instant modified = attributes.lastModifiedTime().toInstant();
        String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis()) + (html && inject ? "-peer-1" : "") + "\"";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        headers.put("ETag", etag);
        headers.put("Last-Modified", HTTP_DATE.format(modified));
        headers.put("Cache-Control", "no-cache");
        headers.put("X-Content-Type-Options", "nosniff");
        if (status == 200 && notModified(header, etag, modified)) {
            return new Answer(304, headers, null, null, -1);
        }
        if (html && inject) {
            String page;
            try {
                page = Files.readString(real, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Answer.text(404, "Not found\n");
            }
            int end = page.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
            String served = end < 0 ? page + SCRIPT : page.substring(0, end) + SCRIPT + page.substring(end);
            return new Answer(status, headers, served.getBytes(StandardCharsets.UTF_8), null, -1);
        }
        return new Answer(status, headers, null, real, attributes.size());
    }

    /** The path under the folder, decoded once; null for a dot segment, a backslash or a control character. */
    private static String relative(String rawPath) {
        String path;
        try {
            path = new URI(rawPath).getPath(); // decodes %XX once, as UTF-8
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        StringBuilder relative = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..") || segment.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
                return null;
            }
            relative.append(relative.length() == 0 ? "" : "/").append(segment);
        }
        return relative.toString();
    }

    private static Path inside(Path root, Path file) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean notModified(Function<String, String> header, String etag, Instant modified) {
        String ifNoneMatch = header.apply("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String since = header.apply("If-Modified-Since");
        try {
            return since != null && !modified.isAfter(ZonedDateTime.parse(since, HTTP_DATE).toInstant().plusMillis(999));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String type(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "xml" -> "application/xml; charset=utf-8";
            case "txt" -> "text/plain; charset=utf-8";
            case "svg" -> "image/svg+xml; charset=utf-8";
            case "png" -> "image/png";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }

    // ---- the load check ---------------------------------------------------------------------------------------

    /**
     * As ServeLatency's load: 64 clients on Java's HttpClient fetching random article pages (and the front page)
     * for SECONDS, while one of those pages is replaced every 2 s as a build publishes it (a temporary file
     * renamed over it). An error is a failed request, a status other than 200, or a page cut short (no
     * {@code </html>}), which a server that caches what a rename replaced could send.
     */
    private static void load(URI url, Path root, long serverPid, int seconds) throws Exception {
        List<String> articles;
        try (Stream<Path> files = Files.walk(root)) {
            articles = files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.matches("\\d{4}/\\d\\d/\\d\\d/\\d\\d/\\d\\d\\.html")).sorted().toList();
        }
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < articles.size(); i += Math.max(1, articles.size() / 500)) {
            pages.add(articles.get(i));
        }
        pages.add("");
        Path edited = root.resolve(pages.get(pages.size() / 3));
        byte[] original = Files.readAllBytes(edited);
        String originalText = new String(original, StandardCharsets.UTF_8);
        String idle = rss(serverPid);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
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
                    String problem = null;
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url.resolve("/" + page))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        bytes.addAndGet(response.body().length);
                        if (response.statusCode() != 200) {
                            problem = "status " + response.statusCode() + " for /" + page;
                        } else if (!new String(response.body(), StandardCharsets.UTF_8).contains("</html>")) {
                            problem = "cut short (" + response.body().length + " bytes) /" + page;
                        }
                    } catch (Exception e) {
                        problem = e + " for /" + page;
                    }
                    mine.add(System.nanoTime() - t);
                    if (problem != null && errors.incrementAndGet() <= 5) {
                        firstErrors.add(problem);
                    }
                }
                latencies.addAll(mine);
            });
        }
        long peakRss = 0;
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        long nextEdit = start;
        int edit = 0;
        try {
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() >= nextEdit) {
                    // A new page of a slightly different length each time, as a rebuild publishes it.
                    Path temp = edited.resolveSibling("." + edited.getFileName() + ".peer-tmp");
                    Files.writeString(temp, originalText.replace("</body>", "<p>改" + "动".repeat(edit % 7)
                            + edit + "</p></body>"));
                    Files.move(temp, edited, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    edit++;
                    nextEdit += TimeUnit.SECONDS.toNanos(2);
                }
                peakRss = Math.max(peakRss, rssKb(serverPid));
                Thread.sleep(250);
            }
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            Files.write(edited, original);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%d clients for %.1f s, %d edits: %d requests, %d errors, %.0f requests/s,"
                        + " p50 %.1f ms, p99 %.1f ms, %.0f MB/s; server RSS idle %s, under load peak %d MB (%s)%n",
                64, secs, edit, sorted.size(), errors.get(), sorted.size() / secs,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                bytes.get() / secs / 1e6, idle, peakRss / 1024, rss(serverPid));
        for (String problem : firstErrors) {
            System.out.println("  error: " + problem);
        }
        http.executor().ifPresent(executor -> ((ExecutorService) executor).shutdownNow());
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static String rss(long pid) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                out.append(out.length() == 0 ? "" : ", ").append(line, 0, 5).append(' ').append(kb / 1024).append(" MB");
            }
        }
        return out.toString();
    }
}
