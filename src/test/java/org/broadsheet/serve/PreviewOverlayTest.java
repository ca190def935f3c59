package org.broadsheet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.broadsheet.build.PreviewPages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preview's pages are served from memory in place of the published files until a build publishes, and
 * only the pages whose served bytes changed are announced to open tabs.
 */
class PreviewOverlayTest {
    @TempDir
    Path temp;
    Path output;
    SiteServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        output = temp.resolve("public");
        write("2025/12/12/01/01.html", "<html><body>旧稿</body></html>");
        write("2025/12/12/01/index.html", "<html><body>版面</body></html>");
        write("404.html", "<html><body>找不到</body></html>");
        server = SiteServer.start(new InetSocketAddress("127.0.0.1", 0), temp, output);
        server.announce(false, List.of(), List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void previewedPagesAreServedUntilABuildPublishes() throws Exception {
        server.preview(pages(Map.of("2025/12/12/01/01.html", "<html><body>新稿</body></html>",
                "2025/12/12/01/02.html", "<html><body>加稿</body></html>",
                "2025/12/12/01/index.html", "<html><body>版面</body></html>"), Set.of()));

        assertThat(get("/2025/12/12/01/01.html").body()).contains("新稿").doesNotContain("旧稿");
        assertThat(get("/2025/12/12/01/02.html").statusCode()).isEqualTo(200);
        assertThat(get("/2025/12/12/01/").body()).contains("版面");
        assertThat(Files.readString(output.resolve("2025/12/12/01/01.html"))).as("the published file").contains("旧稿");

        server.announce(false, List.of(), List.of()); // a build published: the folder is served again
        assertThat(get("/2025/12/12/01/01.html").body()).contains("旧稿");
        assertThat(get("/2025/12/12/01/02.html").statusCode()).isEqualTo(404);
    }

    @Test
    void aPageThePreviewRemovedIsTheSitesNotFoundPage() throws Exception {
        server.preview(pages(Map.of(), Set.of("2025/12/12/01/01.html")));

        HttpResponse<String> removed = get("/2025/12/12/01/01.html");

        assertThat(removed.statusCode()).isEqualTo(404);
        assertThat(removed.body()).contains("找不到");
    }

    @Test
    void onlyPagesWhoseServedBytesChangeAreAnnounced() throws IOException {
        PreviewOverlay overlay = new PreviewOverlay(output);
        PreviewPages first = pages(Map.of("2025/12/12/01/01.html", "<html><body>新稿</body></html>",
                "2025/12/12/01/index.html", "<html><body>版面</body></html>"), Set.of());

        assertThat(overlay.take(first)).containsExactly("2025/12/12/01/01.html");
        assertThat(overlay.lookup("2025/12/12/01/index.html")).as("equal to the published file").isEmpty();
        assertThat(overlay.take(first)).as("the same preview again").isEmpty();
        assertThat(overlay.take(pages(Map.of("2025/12/12/01/01.html", "<html><body>旧稿</body></html>"), Set.of())))
                .as("back to what is published").containsExactly("2025/12/12/01/01.html");
        assertThat(overlay.lookup("2025/12/12/01/01.html")).isEmpty();
    }

    @Test
    void aStoryAnEarlierPreviewAddedIsGoneWhenALaterPreviewOfItsIssueNoLongerHasIt() throws IOException {
        PreviewOverlay overlay = new PreviewOverlay(output);
        overlay.take(pages(Map.of("2025/12/12/01/99.html", "<html><body>加稿</body></html>"), Set.of()));
        Map<String, byte[]> again = new java.util.HashMap<>();
        again.put("2025/12/12/01/01.html", "<html><body>旧稿</body></html>".getBytes(StandardCharsets.UTF_8));
        // The model this preview starts from never had the added story, so it does not name it as removed.
        PreviewPages later = new PreviewPages(again, Set.of(), Set.of("2025/12/12/"));

        assertThat(overlay.take(later)).containsExactly("2025/12/12/01/99.html");
        assertThat(overlay.lookup("2025/12/12/01/99.html")).as("served from the folder, which lacks it").isEmpty();
    }

    private void write(String path, String text) throws IOException {
        Path file = output.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static PreviewPages pages(Map<String, String> written, Set<String> removed) {
        Map<String, byte[]> bytes = new java.util.HashMap<>();
        written.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new PreviewPages(bytes, removed, Set.of());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
