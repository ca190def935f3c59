package org.broadsheet.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.broadsheet.render.OutputClash;

/** The staging folder claims every path once, so two outputs can never silently share a file. */
class StagingAreaTest {
    @TempDir
    Path root;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesAndCopiesFilesUnderItsRootAndListsThemSorted(@TempDir Path theme) throws Exception {
        StagingArea staging = new StagingArea(root);
        Path css = Files.writeString(theme.resolve("style.css"), "body { font-family: serif; }");

        staging.write("2025/12/12/04/普法小课堂.html", utf8("<h1>普法小课堂</h1>"));
        staging.write("index.html", utf8("<h1>北疆法治报</h1>"));
        staging.copy("assets/style.css", css);
        staging.finish();

        assertThat(staged(staging, "2025/12/12/04/普法小课堂.html")).isEqualTo("<h1>普法小课堂</h1>");
        assertThat(staged(staging, "assets/style.css")).isEqualTo("body { font-family: serif; }");
        assertThat(staging.paths()).containsExactly("2025/12/12/04/普法小课堂.html", "assets/style.css", "index.html");
        assertThat(Publisher.listFiles(root)).as("staged side by side, without folders").hasSize(3)
                .allMatch(name -> !name.contains("/"));
    }

    private String staged(StagingArea staging, String path) throws java.io.IOException {
        return Files.readString(root.resolve(staging.stagedNames().get(path)));
    }

    @Test
    void aFailedWriteIsThrownByFinish() throws Exception {
        StagingArea staging = new StagingArea(root.resolve("missing-folder"));
        staging.write("index.html", utf8("<h1>北疆法治报</h1>"));

        assertThatThrownBy(staging::finish).isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> {
            assertThat(e.getFile()).as("the output path, not the staged file's number").isEqualTo("index.html");
            assertThat(e.getReason()).contains("cannot be staged in " + root.resolve("missing-folder"),
                    "file system", "NoSuchFileException");
            assertThat(e.getCause()).isInstanceOf(java.nio.file.NoSuchFileException.class);
        });
    }

    @Test
    void theSamePathTwiceIsAClashAndTheFirstFileIsKept() throws Exception {
        StagingArea staging = new StagingArea(root);
        staging.write("2025/12/12/01/01.html", utf8("第一篇"));

        assertThatThrownBy(() -> staging.write("2025/12/12/01/01.html", utf8("第二篇")))
                .isInstanceOf(OutputClash.class)
                .hasMessage("two outputs are both written to 2025/12/12/01/01.html");
        staging.finish();
        assertThat(staged(staging, "2025/12/12/01/01.html")).isEqualTo("第一篇");
    }

    @Test
    void aCopyOntoAWrittenPathIsAClashToo(@TempDir Path theme) throws Exception {
        StagingArea staging = new StagingArea(root);
        staging.write("assets/logo.svg", utf8("<svg/>"));
        Path other = Files.writeString(theme.resolve("logo.svg"), "<svg>other</svg>");

        assertThatThrownBy(() -> staging.copy("assets/logo.svg", other)).isInstanceOf(OutputClash.class);
        staging.finish();
    }

    @Test
    void namesDifferingOnlyInCaseClash() throws Exception {
        StagingArea staging = new StagingArea(root);
        staging.write("2025/12/12/01/Xianfa.html", utf8("a"));

        assertThatThrownBy(() -> staging.write("2025/12/12/01/xianfa.html", utf8("b")))
                .isInstanceOf(OutputClash.class)
                .hasMessageContaining("2025/12/12/01/Xianfa.html").hasMessageContaining("2025/12/12/01/xianfa.html")
                .hasMessageContaining("differ only in case or Unicode form");
        staging.finish();
    }

    @Test
    void namesDifferingOnlyInUnicodeNormalisationClash() throws Exception {
        StagingArea staging = new StagingArea(root);
        staging.write("2025/12/12/01/caf\u00e9.html", utf8("composed"));

        assertThatThrownBy(() -> staging.write("2025/12/12/01/cafe\u0301.html", utf8("decomposed")))
                .isInstanceOf(OutputClash.class);
        staging.finish();
    }

    @Test
    void cjkCompatibilityIdeographClashesWithItsUnifiedForm() throws Exception {
        StagingArea staging = new StagingArea(root);
        staging.write("2025/12/12/01/\uF900.html", utf8("compatibility 豈"));

        assertThatThrownBy(() -> staging.write("2025/12/12/01/\u8C48.html", utf8("unified 豈")))
                .isInstanceOf(OutputClash.class);
        staging.finish();
    }

    @Test
    void similarButDistinctChineseNamesDoNotClash() throws Exception {
        StagingArea staging = new StagingArea(root);
        staging.write("2025/12/12/01/法治.html", utf8("简"));
        staging.write("2025/12/12/01/法治2.html", utf8("二"));
        staging.write("2025/12/12/01/𠀀.html", utf8("扩展B"));
        staging.write("2025/12/12/01/𠀁.html", utf8("扩展B 下一个"));
        staging.finish(); // the writes are done by I/O threads: let them land before the folder is removed

        assertThat(staging.paths()).hasSize(4);
    }

    @Test
    void unsafePathsAreRefusedAndNotClaimed() throws Exception {
        StagingArea staging = new StagingArea(root.resolve("staging"));

        assertThatIllegalArgumentException().isThrownBy(() -> staging.write("../escaped.html", utf8("x")));
        assertThatIllegalArgumentException().isThrownBy(() -> staging.write("con.html", utf8("x")));

        assertThat(staging.paths()).isEmpty();
        assertThat(root.resolve("escaped.html")).doesNotExist();
    }

    @Test
    void concurrentWritersClaimEachPathExactlyOnce() throws Exception {
        StagingArea staging = new StagingArea(root);
        ConcurrentLinkedQueue<String> clashes = new ConcurrentLinkedQueue<>();

        IntStream.range(0, 200).parallel().forEach(i -> {
            try {
                staging.write("bureaus/" + (i % 50) + "/index.html", utf8("盟市 " + i));
            } catch (OutputClash clash) {
                clashes.add(clash.getMessage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(staging.paths()).hasSize(50);
        assertThat(new ArrayList<>(clashes)).hasSize(150);
        assertThat(List.copyOf(staging.paths())).doesNotHaveDuplicates();
        staging.finish();
    }

    @org.junit.jupiter.api.Test
    void filesIdenticalToThePublishedOnesAreClaimedButNotStaged(@org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        Path output = temp.resolve("public");
        Files.createDirectories(output.resolve("2025/12/12"));
        Files.writeString(output.resolve("2025/12/12/index.html"), "<h1>王𬘭</h1>");
        StagingArea staging = new StagingArea(Files.createDirectories(temp.resolve("staging")), output);

        staging.write("2025/12/12/index.html", "<h1>王𬘭</h1>".getBytes(StandardCharsets.UTF_8));
        staging.write("index.html", "<h1>新</h1>".getBytes(StandardCharsets.UTF_8));

        staging.finish();

        assertThat(staging.paths()).containsExactly("2025/12/12/index.html", "index.html");
        assertThat(staging.stagedNames()).containsOnlyKeys("index.html");
        assertThat(temp.resolve("staging").resolve(staging.stagedNames().get("index.html"))).hasContent("<h1>新</h1>");
    }

    @Test
    void aStagingTreeHoldsEachFileAtItsOutputPath(@TempDir Path theme) throws Exception {
        StagingArea staging = StagingArea.asTree(root);
        Path css = Files.writeString(theme.resolve("style.css"), "body { font-family: serif; }");
        // Many files of one new folder at once: each must find the folder made.
        List<String> articles = IntStream.rangeClosed(1, 40).mapToObj(n -> "2025/12/12/04/" + n + ".html").toList();
        articles.parallelStream().forEach(path -> {
            try {
                staging.write(path, utf8("<h1>" + path + "</h1>"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        staging.write("index.html", utf8("<h1>北疆法治报</h1>"));
        staging.copy("assets/style.css", css);
        staging.finish();

        assertThat(staging.isTree()).isTrue();
        assertThat(root.resolve("2025/12/12/04/7.html")).hasContent("<h1>2025/12/12/04/7.html</h1>");
        assertThat(root.resolve("assets/style.css")).hasContent("body { font-family: serif; }");
        assertThat(Publisher.listFiles(root)).hasSize(42);
        assertThat(staging.stagedNames()).containsEntry("index.html", "index.html").hasSize(42);
        assertThatThrownBy(() -> staging.write("Index.html", utf8("另一个首页")))
                .isInstanceOf(OutputClash.class);
    }

    @Test
    void pathsComeSortedWhateverTheEarlierBuildWrote() throws Exception {
        StagingArea staging = new StagingArea(root);
        for (String path : List.of("index.html", "2025/12/12/04/普法小课堂.html", "2025/12/13/01/index.html",
                "2025/12/12/01/index.html", "bureaus/baotou/index.html")) {
            staging.keep(path);
        }
        List<String> sorted = staging.paths();

        assertThat(sorted).isSorted().hasSize(5);
        assertThat(staging.paths(sorted)).as("the same paths as last time").isEqualTo(sorted);
        assertThat(staging.paths(List.of("2025/12/11/01/index.html", "2025/12/12/01/index.html", "index.html")))
                .as("one path gone, three new").isEqualTo(sorted);
        assertThat(staging.paths(List.of("index.html", "2025/12/12/01/index.html")))
                .as("an earlier list out of order").isEqualTo(sorted);
    }
}
