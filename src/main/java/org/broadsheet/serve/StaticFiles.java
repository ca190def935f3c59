package org.broadsheet.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.render.Routes;

/**
 * Answers a request with a file of the output folder, as a static host would: a folder by its
 * {@code index.html} (a folder named without its slash is redirected to it), a missing file by the site's
 * {@code 404.html} with status 404, conditional requests by 304. Only files inside the output folder are
 * served, also through symbolic links: anything else is the 404 page. HTML pages get the live-reload script,
 * and while the site does not build, the error panel.
 */
final class StaticFiles {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path output;
    private final Supplier<ServedBuild> build;
    private final PreviewOverlay previews;

    StaticFiles(Path output, Supplier<ServedBuild> build, PreviewOverlay previews) {
        this.output = output;
        this.build = build;
        this.previews = previews;
    }

    void handle(HttpExchange exchange, RequestPath request) throws IOException {
        ServedBuild current = build.get();
        Optional<Path> root = realOutput();
        if (root.isEmpty()) { // no build has published anything yet
            if (current.failed()) {
                sendText(exchange, 500, ContentTypes.of("error.html"), inject(ErrorPage.page(current.errorPanel()),
                        current, false));
            } else {
                sendText(exchange, 503, "text/plain; charset=utf-8", "The site is being built; reload in a moment.\n");
            }
            return;
        }
        String page = request.folder() || request.relative().isEmpty()
                ? Routes.file(request.relative().isEmpty() ? "" : request.relative() + "/") : request.relative();
        Optional<Optional<byte[]>> previewed = previews.lookup(page);
        if (previewed.isPresent()) {
            if (previewed.get().isPresent()) {
                servePreviewed(exchange, page, previewed.get().get(), current);
            } else { // a page a preview removed
                notFound(exchange, root.get(), current);
            }
            return;
        }
        Path file = root.get().resolve(request.relative());
        if (Files.isDirectory(file)) {
            if (!request.folder() && !request.relative().isEmpty()) {
                String query = exchange.getRequestURI().getRawQuery();
                exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getRawPath() + "/"
                        + (query == null ? "" : "?" + query));
                send(exchange, 301, -1);
                return;
            }
            file = file.resolve("index.html");
        }
        Optional<Path> inside = inside(root.get(), file);
        if (inside.isPresent()) {
            serve(exchange, inside.get(), 200, current);
            return;
        }
        notFound(exchange, root.get(), current);
    }

    /** The site's 404 page with status 404, or a plain one when the site has none. */
    private void notFound(HttpExchange exchange, Path root, ServedBuild current) throws IOException {
        Optional<Path> notFound = inside(root, root.resolve("404.html"));
        if (notFound.isPresent()) {
            serve(exchange, notFound.get(), 404, current);
        } else {
            sendText(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
        }
    }

    private Optional<Path> realOutput() {
        try {
            return Optional.of(output.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code file} when it is a regular file that lies inside {@code root} once every link is followed. */
    private static Optional<Path> inside(Path root, Path file) {
        try {
            Path real = file.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? Optional.of(real)
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // e.g. a name too long for the file system: not one of ours either
        }
    }

    private void serve(HttpExchange exchange, Path file, int status, ServedBuild current) throws IOException {
        String type = ContentTypes.of(file.getFileName().toString());
        boolean html = ContentTypes.isHtml(type);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) { // removed by the build publishing right now
            sendText(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
            return;
        }
        Instant modified = attributes.lastModifiedTime().toInstant();
        if (html && current.changedAt().isAfter(modified)) {
            modified = current.changedAt(); // the panel came or went: the page a browser holds is out of date
        }
        String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis())
                + (html ? "-" + current.instance() + "-" + current.generation() : "") + "\"";
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("ETag", etag);
        headers.set("Last-Modified", HTTP_DATE.format(modified));
        headers.set("Cache-Control", "no-cache");
        if (status == 200 && notModified(exchange.getRequestHeaders(), etag, modified)) {
            send(exchange, 304, -1);
            return;
        }
        if (html) {
            String page;
            try {
                page = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                sendText(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
                return;
            }
            byte[] body = inject(page, current, true).getBytes(StandardCharsets.UTF_8);
            send(exchange, status, body.length);
            write(exchange, body);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            send(exchange, status, attributes.size());
            if (!isHead(exchange)) {
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        } catch (NoSuchFileException e) {
            sendText(exchange, 404, "text/plain; charset=utf-8", "Not found\n");
        }
    }

    /** A page of a preview, held in memory until the build that follows publishes it. */
    private void servePreviewed(HttpExchange exchange, String name, byte[] bytes, ServedBuild current)
            throws IOException {
        String type = ContentTypes.of(name);
        String etag = "\"p" + Integer.toHexString(Arrays.hashCode(bytes)) + "-" + Integer.toHexString(bytes.length)
                + "-" + current.instance() + "-" + current.generation() + "\"";
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("ETag", etag);
        headers.set("Cache-Control", "no-cache");
        if (notModified(exchange.getRequestHeaders(), etag, Instant.MAX)) { // by its tag alone: no file time
            send(exchange, 304, -1);
            return;
        }
        byte[] body = ContentTypes.isHtml(type)
                ? inject(new String(bytes, StandardCharsets.UTF_8), current, true).getBytes(StandardCharsets.UTF_8)
                : bytes;
        send(exchange, 200, body.length);
        write(exchange, body);
    }

    private static boolean notModified(Headers request, String etag, Instant modified) {
        String ifNoneMatch = request.getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String trimmed = tag.trim();
                if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
                    return true;
                }
            }
            return false; // RFC 9110: If-Modified-Since is ignored when If-None-Match is present
        }
        String ifModifiedSince = request.getFirst("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince, HTTP_DATE).toInstant();
            return !modified.isAfter(since.plusMillis(999)); // HTTP dates have whole seconds
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The page with the live-reload script (and the error panel when the site does not build) before its end. */
    private String inject(String page, ServedBuild current, boolean withPanel) {
        String script = "<script src=\"/__broadsheet/live.js\" data-instance=\"" + current.instance()
                + "\" data-generation=\"" + current.generation() + "\" data-failed=\"" + current.failed()
                + "\"></script>";
        String addition = (withPanel && current.failed() ? current.errorPanel() : "") + script;
        int end = page.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return end < 0 ? page + addition : page.substring(0, end) + addition + page.substring(end);
    }

    private static void sendText(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, body.length);
        write(exchange, body);
    }

    /** Sends the status and headers; a HEAD request gets the length of the body it does not get. */
    static void send(HttpExchange exchange, int status, long length) throws IOException {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (isHead(exchange) || length < 0 || status == 304) {
            if (length >= 0 && status != 304) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            }
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        }
    }

    private static void write(HttpExchange exchange, byte[] body) throws IOException {
        if (!isHead(exchange) && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static boolean isHead(HttpExchange exchange) {
        return exchange.getRequestMethod().equals("HEAD");
    }
}
