package org.broadsheet.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing in place: only changed files move, stale owned files go, foreign files are never touched. */
class PublisherTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path temp;
    Path state;
    Path output;
    Publisher publisher;

    @BeforeEach
    void givenASiteAndAnOutputFolder() {
        state = temp.resolve("site/.broadsheet");
        output = temp.resolve("public");
        publisher = new Publisher(state, output);
    }

    private static Map<String, String> files(String... pathThenText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathThenText.length; i += 2) {
            files.put(pathThenText[i], pathThenText[i + 1]);
        }
        return files;
    }

    private Publisher.Stats publish(Map<String, String> files) throws IOException {
        return publisher.publish(staged(files));
    }

    /** A fresh staging area holding {@code files}. */
    private StagingArea staged(Map<String, String> files) throws IOException {
        return staged(publisher, files);
    }

    private static StagingArea staged(Publisher publisher, Map<String, String> files) throws IOException {
        StagingArea staging = publisher.freshStaging();
        for (Map.Entry<String, String> file : files.entrySet()) {
            staging.write(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return staging;
    }

    /** Every file of {@code dir} with its bytes (as text) and modification time. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        for (String file : Publisher.listFiles(dir)) {
            Path path = dir.resolve(file);
            snapshot.put(file, Files.readString(path) + " @" + Files.getLastModifiedTime(path).toMillis());
        }
        return snapshot;
    }

    private void ageEveryFile(Path dir) throws IOException {
        for (String file : Publisher.listFiles(dir)) {
            Files.setLastModifiedTime(dir.resolve(file), LONG_AGO);
        }
    }

    private void givenForeignFiles() throws IOException {
        Files.createDirectories(output.resolve(".git"));
        Files.writeString(output.resolve(".git/config"), "[remote \"origin\"]\n");
        Files.writeString(output.resolve("CNAME"), "archive.example.org\n");
    }

    private final Map<String, String> site = files(
            "index.html", "<h1>北疆法治报</h1>",
            "2025/12/12/01/index.html", "<h1>第01版 要闻</h1>",
            "2025/12/12/04/普法小课堂.html", "<h1>普法小课堂 𬘭𠀀</h1>");

    @Test
    void firstPublishWritesEverythingAndMarksTheFolder() throws IOException {
        Publisher.Stats stats = publish(site);

        assertThat(stats).isEqualTo(new Publisher.Stats(3, 0, 0, List.of("2025/12/12/01/index.html", "2025/12/12/04/普法小课堂.html", "index.html")));
        assertThat(output.resolve(Publisher.MARKER)).isRegularFile();
        assertThat(Files.readString(output.resolve("2025/12/12/04/普法小课堂.html"))).isEqualTo("<h1>普法小课堂 𬘭𠀀</h1>");
        assertThat(publisher.stagingDir()).doesNotExist();
        assertThat(state.resolve("journal")).doesNotExist();
        assertThat(OutputMarker.read(output).flatMap(OutputMarker::files)).contains(List.of(
                "2025/12/12/01/index.html", "2025/12/12/04/普法小课堂.html", "index.html"));
        assertThat(OutputMarker.read(output).flatMap(OutputMarker::site))
                .contains(OutputMarker.siteId(temp.resolve("site")));
    }

    @Test
    void aFirstPublishRenamesTheStagingFolderIntoPlace() throws IOException {
        StagingArea staging = staged(site);
        staging.finish();
        Object stagingFolder = Files.readAttributes(publisher.stagingDir(), BasicFileAttributes.class).fileKey();

        Publisher.Stats stats = publisher.publish(staging);

        assertThat(staging.isTree()).isTrue();
        assertThat(Files.readAttributes(output, BasicFileAttributes.class).fileKey())
                .as("the same folder, renamed").isEqualTo(stagingFolder);
        assertThat(stats).isEqualTo(new Publisher.Stats(3, 0, 0, List.of("2025/12/12/01/index.html", "2025/12/12/04/普法小课堂.html", "index.html")));
        assertThat(Publisher.listFiles(output)).containsExactly(Publisher.MARKER, "2025/12/12/01/index.html",
                "2025/12/12/04/普法小课堂.html", "index.html");
        assertThat(state.resolve("journal")).doesNotExist();
        assertThat(OutputMarker.read(output).flatMap(OutputMarker::files).orElseThrow()).hasSize(3);
    }

    @Test
    void anOutputFolderMadeDuringTheBuildIsFilledFileByFile() throws IOException {
        StagingArea staging = staged(site);
        givenForeignFiles(); // e.g. someone cloned gh-pages into the output meanwhile

        Publisher.Stats stats = publisher.publish(staging);

        assertThat(stats).isEqualTo(new Publisher.Stats(3, 0, 0, List.of("2025/12/12/01/index.html", "2025/12/12/04/普法小课堂.html", "index.html")));
        assertThat(output.resolve("CNAME")).hasContent("archive.example.org");
        assertThat(output.resolve(".git/config")).isRegularFile();
        assertThat(output.resolve("2025/12/12/04/普法小课堂.html")).hasContent("<h1>普法小课堂 𬘭𠀀</h1>");
        assertThat(publisher.stagingDir()).doesNotExist();
    }

    @Test
    void aFirstPublishKilledBeforeItsRenameIsCompletedByRecover() throws IOException {
        Path staging = Files.createDirectories(publisher.stagingDir().resolve("2025/12/12/01"));
        Files.writeString(staging.resolve("index.html"), "<h1>第01版 要闻</h1>");
        Files.writeString(publisher.stagingDir().resolve("index.html"), "<h1>北疆法治报</h1>");
        Files.writeString(state.resolve("journal"), String.join("\n", output.toAbsolutePath().normalize().toString(),
                "2025/12/12/01/index.html\t2025/12/12/01/index.html", "index.html\tindex.html") + "\n");

        publisher.recover();

        assertThat(output.resolve("2025/12/12/01/index.html")).hasContent("<h1>第01版 要闻</h1>");
        assertThat(output.resolve("index.html")).hasContent("<h1>北疆法治报</h1>");
        assertThat(output.resolve(Publisher.MARKER)).isRegularFile();
        assertThat(state.resolve("journal")).doesNotExist();
        assertThat(publisher.stagingDir()).doesNotExist();
    }

    @Test
    void republishingTheSameFilesWritesNothingAndKeepsModificationTimes() throws IOException {
        publish(site);
        ageEveryFile(output);
        Map<String, String> before = snapshot(output);

        Publisher.Stats stats = publish(site);

        assertThat(stats).isEqualTo(new Publisher.Stats(0, 3, 0, List.of()));
        assertThat(snapshot(output)).isEqualTo(before);
    }

    @Test
    void aChangedFileIsReplacedAndOnlyIt() throws IOException {
        publish(site);
        ageEveryFile(output);
        Map<String, String> changed = new LinkedHashMap<>(site);
        changed.put("index.html", "<h1>北疆法治报（更新）</h1>");

        Publisher.Stats stats = publish(changed);

        assertThat(stats).isEqualTo(new Publisher.Stats(1, 2, 0, List.of("index.html")));
        assertThat(Files.readString(output.resolve("index.html"))).isEqualTo("<h1>北疆法治报（更新）</h1>");
        assertThat(Files.getLastModifiedTime(output.resolve("2025/12/12/01/index.html"))).isEqualTo(LONG_AGO);
    }

    @Test
    void aStaleOwnedFileIsRemovedWithTheFoldersItEmptied() throws IOException {
        publish(site);

        Publisher.Stats stats = publish(files("index.html", "<h1>北疆法治报</h1>",
                "2025/12/12/01/index.html", "<h1>第01版 要闻</h1>"));

        assertThat(stats.removed()).isEqualTo(1);
        assertThat(stats.changed()).as("a tab showing the removed page must reload")
                .containsExactly("2025/12/12/04/普法小课堂.html");
        assertThat(output.resolve("2025/12/12/04")).doesNotExist();
        assertThat(output.resolve("2025/12/12/01/index.html")).isRegularFile();
        assertThat(Publisher.listFiles(output)).containsExactly(Publisher.MARKER, "2025/12/12/01/index.html",
                "index.html");
    }

    @Test
    void foreignFilesAreNeverTouched() throws IOException {
        givenForeignFiles();
        Files.createDirectories(output.resolve("2025/12/12/04"));
        Files.writeString(output.resolve("2025/12/12/04/编辑手记.txt"), "不是 Broadsheet 写的");
        ageEveryFile(output);
        Map<String, String> foreign = snapshot(output);

        publish(site);
        publish(files("index.html", "<h1>北疆法治报 v2</h1>"));

        assertThat(snapshot(output)).containsAllEntriesOf(foreign);
        assertThat(output.resolve("2025/12/12/04/普法小课堂.html")).doesNotExist();
        assertThat(output.resolve("2025/12/12/04")).as("still holds a foreign file").isDirectory();
    }

    @Test
    void discardLeavesTheOutputByteIdentical() throws IOException {
        givenForeignFiles();
        publish(site);
        ageEveryFile(output);
        Map<String, String> before = snapshot(output);

        StagingArea staging = publisher.freshStaging();
        staging.write("index.html", "<h1>半成品</h1>".getBytes(StandardCharsets.UTF_8));
        staging.write("2025/12/13/01/index.html", "<h1>新的一期</h1>".getBytes(StandardCharsets.UTF_8));
        publisher.discard(staging);

        assertThat(snapshot(output)).isEqualTo(before);
        assertThat(publisher.stagingDir()).doesNotExist();
    }

    @Test
    void freshStagingThrowsAwayWhatAFailedBuildLeft() throws IOException {
        Files.createDirectories(publisher.stagingDir().resolve("old"));
        Files.writeString(publisher.stagingDir().resolve("old/leftover.html"), "残留");

        StagingArea staging = publisher.freshStaging();

        assertThat(Publisher.listFiles(staging.root())).isEmpty();
    }

    @Test
    void recoverCompletesAPublishKilledHalfWay() throws IOException {
        givenForeignFiles();
        publish(site);
        // The killed build staged a new issue, changed the home page, dropped 普法小课堂, and had already
        // moved the new issue page into the output when it died.
        Path staging = Files.createDirectories(publisher.stagingDir());
        Files.createDirectories(staging.resolve("2025/12/12/01"));
        Files.writeString(staging.resolve("index.html"), "<h1>北疆法治报 12月13日</h1>");
        Files.writeString(staging.resolve("2025/12/12/01/index.html"), "<h1>第01版 要闻</h1>");
        Files.createDirectories(output.resolve("2025/12/13/01"));
        Files.writeString(output.resolve("2025/12/13/01/index.html"), "<h1>12月13日 第01版</h1>");
        Files.writeString(state.resolve("journal"), String.join("\n", output.toAbsolutePath().normalize().toString(),
                "2025/12/12/01/index.html", "2025/12/13/01/index.html", "index.html") + "\n");

        publisher.recover();

        assertThat(Files.readString(output.resolve("index.html"))).isEqualTo("<h1>北疆法治报 12月13日</h1>");
        assertThat(Files.readString(output.resolve("2025/12/13/01/index.html"))).isEqualTo("<h1>12月13日 第01版</h1>");
        assertThat(output.resolve("2025/12/12/04")).doesNotExist();
        assertThat(output.resolve("CNAME")).hasContent("archive.example.org");
        assertThat(output.resolve(".git/config")).isRegularFile();
        assertThat(state.resolve("journal")).doesNotExist();
        assertThat(publisher.stagingDir()).doesNotExist();
        assertThat(OutputMarker.read(output).flatMap(OutputMarker::files)).contains(List.of(
                "2025/12/12/01/index.html", "2025/12/13/01/index.html", "index.html"));
    }

    @Test
    void recoverWithoutAJournalDoesNothing() throws IOException {
        publish(site);
        ageEveryFile(output);
        Map<String, String> before = snapshot(output);

        publisher.recover();

        assertThat(snapshot(output)).isEqualTo(before);
    }

    @Test
    void aJournalPlannedForAnotherOutputIsFinishedThere() throws IOException {
        Path elsewhere = temp.resolve("dist");
        Files.createDirectories(publisher.stagingDir());
        Files.writeString(publisher.stagingDir().resolve("index.html"), "<h1>发往 dist</h1>");
        Files.writeString(state.resolve("journal"), elsewhere.toAbsolutePath() + "\nindex.html\n");

        publisher.recover();

        assertThat(elsewhere.resolve("index.html")).hasContent("<h1>发往 dist</h1>");
        assertThat(output.resolve("index.html")).doesNotExist();
    }

    @Test
    void switchingOutputFoldersNeverDeletesFilesInTheNewOne() throws IOException {
        publish(files("index.html", "<h1>旧版</h1>", "2025/12/10/01/旧文章.html", "<h1>已删除的文章</h1>"));
        Path ghPages = Files.createDirectories(temp.resolve("gh-pages/2025/12/10/01"));
        Files.writeString(ghPages.resolve("旧文章.html"), "用户自己放的文件");
        publisher = new Publisher(state, temp.resolve("gh-pages"));

        publish(files("index.html", "<h1>新版</h1>"));

        assertThat(ghPages.resolve("旧文章.html")).hasContent("用户自己放的文件");
    }

    @Test
    void aPublishIntoAnotherFolderInBetweenStillLetsThisFolderLoseItsStaleFiles() throws IOException {
        publish(site);
        Publisher preview = new Publisher(state, temp.resolve("preview"));
        preview.publish(staged(preview, site));

        Publisher.Stats stats = publish(files("index.html", "<h1>北疆法治报</h1>",
                "2025/12/12/01/index.html", "<h1>第01版 要闻</h1>"));

        assertThat(stats.removed()).isEqualTo(1);
        assertThat(output.resolve("2025/12/12/04/普法小课堂.html")).doesNotExist();
        assertThat(temp.resolve("preview/2025/12/12/04/普法小课堂.html")).as("the preview keeps its own").exists();
    }

    @Test
    void aLostStateFolderStillLetsTheOutputLoseItsStaleFiles() throws IOException {
        publish(site);
        Publisher.deleteTree(state); // e.g. a fresh clone in CI, publishing into a kept gh-pages folder

        Publisher.Stats stats = publish(files("index.html", "<h1>北疆法治报</h1>"));

        assertThat(stats.removed()).isEqualTo(2);
        assertThat(Publisher.listFiles(output)).containsExactly(Publisher.MARKER, "index.html");
    }

    @Test
    void anOutputMarkedBeforeTheMarkerListedFilesUsesTheOldListOfThatFolderOnly() throws IOException {
        publish(site);
        Files.writeString(output.resolve(Publisher.MARKER), "This folder is published by Broadsheet.\n");
        Files.writeString(state.resolve("manifest"), String.join("\n", output.toAbsolutePath().normalize().toString(),
                "2025/12/12/01/index.html", "2025/12/12/04/普法小课堂.html", "index.html") + "\n");

        Publisher.Stats stats = publish(files("index.html", "<h1>北疆法治报</h1>"));

        assertThat(stats.removed()).isEqualTo(2);
        assertThat(state.resolve("manifest")).as("the marker holds the list now").doesNotExist();
        assertThat(OutputMarker.read(output).flatMap(OutputMarker::files)).contains(List.of("index.html"));
    }

    @Test
    void anOldListMadeForAnotherFolderRemovesNothingHere() throws IOException {
        publish(site);
        Files.writeString(output.resolve(Publisher.MARKER), "This folder is published by Broadsheet.\n");
        Files.writeString(state.resolve("manifest"), temp.resolve("dist").toAbsolutePath() + "\nindex.html\n"
                + "2025/12/12/04/普法小课堂.html\n");

        Publisher.Stats stats = publish(files("index.html", "<h1>北疆法治报</h1>"));

        assertThat(stats.removed()).isZero();
        assertThat(output.resolve("2025/12/12/04/普法小课堂.html")).exists();
        assertThat(state.resolve("manifest")).as("still describes dist/").exists();
    }

    @Test
    void aMarkerEditedByHandNeverLeadsOutsideTheOutput() throws IOException {
        Path outside = Files.writeString(temp.resolve("notes.txt"), "编辑的笔记");
        publish(site);
        Files.writeString(output.resolve(Publisher.MARKER), "site: x\nfiles:\n../notes.txt\n/etc/hostname\nindex.html\n");

        publish(files("2025/12/12/01/index.html", "<h1>第01版 要闻</h1>"));

        assertThat(outside).hasContent("编辑的笔记");
        assertThat(output.resolve("index.html")).doesNotExist();
    }

    @Test
    void theMarkerIsRewrittenOnlyWhenTheListChanges() throws IOException {
        publish(site);
        Files.setLastModifiedTime(output.resolve(Publisher.MARKER), LONG_AGO);

        publish(site);
        FileTime unchanged = Files.getLastModifiedTime(output.resolve(Publisher.MARKER));
        publish(files("index.html", "<h1>北疆法治报</h1>"));

        assertThat(unchanged).isEqualTo(LONG_AGO);
        assertThat(Files.getLastModifiedTime(output.resolve(Publisher.MARKER))).isNotEqualTo(LONG_AGO);
        assertThat(output.resolve(Publisher.MARKER + ".tmp")).doesNotExist();
    }

    @Test
    void markedAsPublishedOnlyForTheSiteThatPublishedLast() throws IOException {
        assertThat(publisher.markedAsPublished()).isFalse();
        publish(site);
        assertThat(publisher.markedAsPublished()).isTrue();

        Publisher other = new Publisher(temp.resolve("other-site/.broadsheet"), output);
        other.publish(staged(other, site));

        assertThat(publisher.markedAsPublished()).isFalse();
    }

    @Test
    void listFilesIsRelativeSlashedAndSorted() throws IOException {
        publish(site);

        assertThat(Publisher.listFiles(output)).isEqualTo(List.of(Publisher.MARKER, "2025/12/12/01/index.html",
                "2025/12/12/04/普法小课堂.html", "index.html"));
    }
}
