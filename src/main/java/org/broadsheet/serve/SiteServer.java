package org.broadsheet.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.broadsheet.build.PreviewPages;
import org.broadsheet.problem.Problem;

/**
 * The HTTP side of {@code serve}: the output folder as a static host would serve it, plus the live-reload
 * stream and its script under {@code /__broadsheet/}. Built on the JDK's own HTTP server (see README, "serve",
 * for the measurement that chose it), one thread per connection, so a tab's open live-reload stream never
 * holds up page requests.
 */
public final class SiteServer implements AutoCloseable {
    static final String LIVE_STREAM = "/__broadsheet/live";
    static final String LIVE_SCRIPT = "/__broadsheet/live.js";

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService threads;
    private final HostCheck hosts;
    private final StaticFiles files;
    private final PreviewOverlay previews;
    private final LiveReload live;
    private final byte[] script;
    private final AtomicReference<ServedBuild> served;
    private final ErrorPage errorPage;

    private SiteServer(HttpServer server, ExecutorService threads, Path site, Path output, String instance) {
        this.server = server;
        this.threads = threads;
        this.hosts = new HostCheck(server.getAddress().getPort());
        this.served = new AtomicReference<>(new ServedBuild(instance, 0, false, "", Instant.EPOCH));
        this.previews = new PreviewOverlay(output.toAbsolutePath().normalize());
        this.files = new StaticFiles(output.toAbsolutePath().normalize(), served::get, previews);
        this.errorPage = new ErrorPage(site);
        this.live = new LiveReload(instance);
        this.script = liveScript();
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and starts answering; until the first build is
     * announced, pages answer 503.
     *
     * @param site   the site folder, for the source lines shown with errors
     * @param output the folder whose files are served
     */
    public static SiteServer start(InetSocketAddress address, Path site, Path output) throws IOException {
        // The JDK's server writes a response's headers and body apart; without TCP_NODELAY the body waits for
        // the client's delayed ACK, some 40 ms a page. Its only switch is this property, read when the first
        // server of the process starts; a value given with -D is left as it is.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server = HttpServer.create(address, 128);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "broadsheet-serve-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        String instance = Long.toString(System.nanoTime() ^ System.currentTimeMillis(), 36);
        SiteServer siteServer = new SiteServer(server, threads, site, output, instance);
        server.createContext("/", siteServer::handle);
        server.setExecutor(threads);
        server.start();
        return siteServer;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves the outcome of a build and tells open tabs: after a published build, the files it changed;
     * after a failed one, its problems (the last good site stays served under an error panel).
     */
    public void announce(boolean failed, List<Problem> problems, List<String> changed) {
        announce(failed, problems, changed, Long.MAX_VALUE);
    }

    /**
     * As {@link #announce(boolean, List, List)}, for a build that began once {@code previewsBefore} previews had
     * been shown ({@link #previewsShown}): when it published, their pages are in the output folder, which the
     * server then serves instead; a later preview's pages stay served until the next build.
     */
    public void announce(boolean failed, List<Problem> problems, List<String> changed, long previewsBefore) {
        if (!failed) {
            previews.clearShownBefore(previewsBefore);
        }
        ServedBuild before = served.get();
        Instant changedAt = before.failed() != failed || failed ? Instant.now() : before.changedAt();
        ServedBuild now = new ServedBuild(before.instance(), before.generation() + 1, failed,
                failed ? errorPage.panel(problems) : "", changedAt);
        served.set(now);
        live.announce(new LiveReload.Announcement(now.generation(), failed, changed));
    }

    /**
     * Serves a preview's pages until the next build publishes, and tells the tabs showing one that changed (whose
     * paths it returns). The state of the last build (an error panel) stays as it is.
     */
    public List<String> preview(PreviewPages pages) throws IOException {
        List<String> changed = previews.take(pages);
        if (changed.isEmpty()) {
            return changed;
        }
        ServedBuild before = served.get();
        ServedBuild now = new ServedBuild(before.instance(), before.generation() + 1, before.failed(),
                before.errorPanel(), before.changedAt());
        served.set(now);
        live.announce(new LiveReload.Announcement(now.generation(), now.failed(), changed));
        return changed;
    }

    /** How many previews have been shown so far: see {@link #announce(boolean, List, List, long)}. */
    public long previewsShown() {
        return previews.shown();
    }

    /** How many tabs listen for reloads. */
    public int listeners() {
        return live.listeners();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!hosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
                plain(exchange, 403, "This preview answers only to localhost or an IP address.\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                plain(exchange, 405, "Only GET and HEAD.\n");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (LIVE_STREAM.equals(path)) {
                live.stream(exchange);
                return;
            }
            if (LIVE_SCRIPT.equals(path)) {
                exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                StaticFiles.send(exchange, 200, script.length);
                if (!method.equals("HEAD")) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(script);
                    }
                }
                return;
            }
            Optional<RequestPath> request = RequestPath.parse(path);
            if (request.isEmpty()) {
                plain(exchange, 400, "Bad request path.\n");
                return;
            }
            files.handle(exchange, request.get());
        } catch (IOException e) {
            // The browser closed the connection mid-answer: nothing left to tell it.
        } catch (RuntimeException e) {
            // A bug must cost one request, not the server: answer 500 when nothing was sent yet.
            try {
                plain(exchange, 500, "Internal error: " + e + "\n");
            } catch (IOException | RuntimeException alreadySent) {
                // headers were out already
            }
        }
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        StaticFiles.send(exchange, status, body.length);
        if (!exchange.getRequestMethod().equals("HEAD")) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] liveScript() {
        try (InputStream in = SiteServer.class.getResourceAsStream("live-reload.js")) {
            if (in == null) {
                throw new IllegalStateException("live-reload.js is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
