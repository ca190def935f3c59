package org.broadsheet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} end to end, in this process: a copy of the sample served on a free port, edited while served. */
class PreviewTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ARTICLE = "content/2025/12/10/01/01.md";
    private static final String ARTICLE_PAGE = "2025/12/10/01/01.html";

    @TempDir
    Path temp;

    private Path site;
    private BuildSession session;
    private Preview preview;
    private Thread loop;
    private final List<BuildResult> builds = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void serveTheSample() throws IOException {
        site = TestSites.copySample(temp);
        BuildOptions options = BuildOptions.defaults(site).withOutput(temp.resolve("preview")).withThreads(2);
        session = BuildSession.openResident(options, true); // as serve opens it for its own folder
        preview = Preview.open(session, options, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                (result, millis) -> {
                    synchronized (builds) {
                        builds.add(result);
                    }
                });
        assertThat(preview.buildFirst().outcome()).isEqualTo(BuildResult.Outcome.PUBLISHED);
        loop = new Thread(preview::run, "preview-loop");
        loop.start();
    }

    @AfterEach
    void stop() throws Exception {
        preview.close();
        loop.join(10_000);
        session.close();
    }

    @Test
    void servesTheBuiltSiteWithTheServersAddressAsBaseUrl() throws Exception {
        HttpResponse<String> home = get("");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        Document page = Jsoup.parse(home.body());
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(preview.url().toString());
        assertThat(page.select("script[src=/__broadsheet/live.js]")).hasSize(1);
        assertThat(get("2025/12/10/01/").statusCode()).isEqualTo(200);
        HttpResponse<String> folder = get("2025/12/10/01");
        assertThat(folder.statusCode()).as("a folder without its slash is redirected").isEqualTo(301);
        assertThat(folder.headers().firstValue("Location")).contains("/2025/12/10/01/");
        HttpResponse<String> missing = get("2025/12/10/01/none.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).as("the site's own 404 page").contains("</html>").contains("live.js");
        assertThat(get("rss.xml").headers().firstValue("Content-Type")).contains("application/xml; charset=utf-8");
        assertThat(preview.options().outputDir().resolve("index.html"))
                .as("what is published holds no live-reload script").content().doesNotContain("__broadsheet");
    }

    @Test
    void conditionalAndHeadRequestsAreAnsweredAsAStaticHostWould() throws Exception {
        HttpResponse<String> first = get("rss.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();

        assertThat(send(request("rss.xml").header("If-None-Match", etag).build()).statusCode()).isEqualTo(304);
        assertThat(send(request("rss.xml").header("If-Modified-Since", modified).build()).statusCode()).isEqualTo(304);
        assertThat(send(request("rss.xml").header("If-None-Match", "\"other\"").build()).statusCode()).isEqualTo(200);
        HttpResponse<String> head = send(request("rss.xml").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .contains(Long.toString(first.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(send(request("").method("POST", HttpRequest.BodyPublishers.ofString("x")).build()).statusCode())
                .isEqualTo(405);
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anEditedArticleIsServedAfterItsRebuildAndTheStreamAnnouncesIt() throws Exception {
        try (EventStream events = new EventStream(preview.port())) {
            assertThat(events.next()).as("the latest build, on connecting").contains("\"generation\":1");

            edit(ARTICLE, text -> text.replaceFirst("(?m)^title: .*$", "title: 预览中改过的标题"));

            assertThat(events.next()).contains("\"generation\":2").contains("\"failed\":false")
                    .contains("\"" + ARTICLE_PAGE + "\"");
            assertThat(get(ARTICLE_PAGE).body()).contains("预览中改过的标题");
        }
    }

    @Test
    void aBrokenFileShowsItsErrorOverTheLastGoodSiteAndTheFixRecovers() throws Exception {
        String before = Jsoup.parse(get(ARTICLE_PAGE).body()).selectFirst("h1").text();

        edit(ARTICLE, text -> text.replaceFirst("(?m)^title: .*$", "title: [不完整的标题"));
        Document broken = Jsoup.parse(awaitPage(ARTICLE_PAGE, body -> body.contains("broadsheet-error")));

        assertThat(broken.selectFirst("#broadsheet-error code").text()).startsWith(ARTICLE + ":");
        assertThat(broken.selectFirst("#broadsheet-error pre").text()).as("the source around the line at fault")
                .contains("title: [不完整的标题");
        assertThat(broken.select("#broadsheet-error pre mark")).hasSize(1);
        assertThat(broken.selectFirst("h1").text()).as("the last good page, under the panel").isEqualTo(before);
        assertThat(get("").body()).as("every page says the site does not build").contains("broadsheet-error");

        edit(ARTICLE, text -> text.replaceFirst("(?m)^title: .*$", "title: 修好了的标题"));
        Document fixed = Jsoup.parse(awaitPage(ARTICLE_PAGE, body -> !body.contains("broadsheet-error")));

        assertThat(fixed.selectFirst("h1").text()).isEqualTo("修好了的标题");
    }

    @Test
    void aBrokenTemplateOrSiteYmlShowsItsErrorTooAndRecovers() throws Exception {
        Path template = site.resolve("themes/default/templates/article.ftlh");
        String good = Files.readString(template);
        Files.writeString(template, good + "\n<#if>\n");
        Document broken = Jsoup.parse(awaitPage(ARTICLE_PAGE, body -> body.contains("broadsheet-error")));
        assertThat(broken.selectFirst("#broadsheet-error code").text()).startsWith("themes/default/templates/article.ftlh");

        Files.writeString(template, good);
        awaitPage(ARTICLE_PAGE, body -> !body.contains("broadsheet-error"));

        Path config = site.resolve("site.yml");
        String settings = Files.readString(config);
        Files.writeString(config, settings + "\nno_such_key: 1\n");
        Document badConfig = Jsoup.parse(awaitPage("", body -> body.contains("broadsheet-error")));
        assertThat(badConfig.selectFirst("#broadsheet-error code").text()).startsWith("site.yml");

        Files.writeString(config, settings);
        awaitPage("", body -> !body.contains("broadsheet-error"));
    }

    @Test
    void anAddedArticleAppearsAndADeletedOneGoes() throws Exception {
        Path added = site.resolve("content/2025/12/10/01/99.md");
        Files.writeString(added, "---\ntitle: 新添的一篇稿件\ndateline: 包头讯\n---\n正文一段。\n");
        assertThat(awaitPage("2025/12/10/01/99.html", body -> body.contains("新添的一篇稿件"))).isNotEmpty();
        assertThat(get("2025/12/10/01/").body()).contains("新添的一篇稿件");

        Files.delete(added);
        awaitStatus("2025/12/10/01/99.html", 404);
        assertThat(get("2025/12/10/01/").body()).doesNotContain("新添的一篇稿件");
    }

    @Test
    void editorDroppingsDoNotRebuild() throws Exception {
        int before = buildCount();
        Files.writeString(site.resolve("content/2025/12/10/01/.01.md.swp"), "swap");
        Files.writeString(site.resolve("content/2025/12/10/01/4913"), "");
        Files.writeString(site.resolve("content/2025/12/10/01/01.md~"), "backup");
        edit(ARTICLE, text -> text.replaceFirst("(?m)^title: .*$", "title: 真正的修改"));

        awaitPage(ARTICLE_PAGE, body -> body.contains("真正的修改"));
        Thread.sleep(500);
        assertThat(buildCount() - before).as("one build, for the real edit").isEqualTo(1);
    }

    @Test
    void traversalAndForeignHostsAreRefusedAndTheServerStaysUp() throws Exception {
        int port = preview.port();
        String host = "127.0.0.1:" + port;
        Path outside = Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(preview.options().outputDir().resolve("leak.txt"), outside);

        for (String target : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd",
                "/..%5c..%5cetc/passwd", "/..\\..\\etc\\passwd", "/index.html%00.txt", "/%c0%ae%c0%ae/etc/passwd",
                "/leak.txt", "/" + outside)) {
            String response = RawHttp.get(port, target, host);
            assertThat(RawHttp.status(response)).as(target).isIn(400, 404);
            assertThat(response).as(target).doesNotContain("secret").doesNotContain("root:");
        }
        assertThat(RawHttp.status(RawHttp.get(port, "/", "evil.example:" + port))).isEqualTo(403);
        assertThat(RawHttp.status(RawHttp.send(port, "GET / HTTP/1.0\r\n\r\n"))).isEqualTo(403);
        assertThat(RawHttp.status(RawHttp.send(port, "NONSENSE\r\n\r\n"))).isIn(0, 400);

        assertThat(RawHttp.status(RawHttp.get(port, "/", host))).as("still serving").isEqualTo(200);
    }

    private int buildCount() {
        synchronized (builds) {
            return builds.size();
        }
    }

    private void edit(String file, java.util.function.UnaryOperator<String> change) throws IOException {
        Path path = site.resolve(file);
        Files.writeString(path, change.apply(Files.readString(path)));
    }

    private String awaitPage(String path, Predicate<String> ready) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        String body = "";
        while (System.nanoTime() < end) {
            HttpResponse<String> response = get(path);
            body = response.body();
            if (response.statusCode() == 200 && ready.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/" + path + " never became ready; last seen:\n" + body);
    }

    private void awaitStatus(String path, int status) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            if (get(path).statusCode() == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/" + path + " never answered " + status);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(preview.url().resolve(path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The live-reload stream, read event by event on a thread of its own. */
    private final class EventStream implements AutoCloseable {
        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        EventStream(int port) throws Exception {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/__broadsheet/live")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
            body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("data: ")) {
                            events.add(line.substring(6));
                        }
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }, "event-stream");
            reader.setDaemon(true);
            reader.start();
        }

        String next() throws InterruptedException {
            String event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + PATIENCE);
            }
            return event;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
