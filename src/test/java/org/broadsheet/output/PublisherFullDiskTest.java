package org.broadsheet.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder on another file system than the site's staging area (another disk, a tmpfs), which fills
 * up while publishing. A move across file systems is a copy: a published file may only ever be replaced by
 * a complete new one, never deleted first, and the message must say what happened. The full disk is an
 * in-memory file system with a size limit; {@code FullDiskIT} does the same on a real tmpfs.
 */
class PublisherFullDiskTest {
    private static final int BLOCK = 8192;
    private static final int PAGES = 20;

    @TempDir
    Path temp;
    FileSystem disk;
    Path output;
    Publisher publisher;

    @BeforeEach
    void givenAnOutputOnASmallDiskOfItsOwn() {
        disk = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(BLOCK)
                .setMaxSize(64L * BLOCK).build());
        output = disk.getPath("/srv/public");
        publisher = new Publisher(temp.resolve("site/.broadsheet"), output);
    }

    @AfterEach
    void closeTheDisk() throws IOException {
        disk.close();
    }

    /** Twenty pages of just under {@code blocks} blocks each, starting with their version. */
    private static Map<String, String> pages(String version, int blocks) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 1; i <= PAGES; i++) {
            String path = String.format("2025/12/10/%02d/index.html", i);
            pages.put(path, version + ".".repeat(blocks * BLOCK - 64));
        }
        return pages;
    }

    private Publisher.Stats publish(Map<String, String> files) throws IOException {
        StagingArea staging = publisher.freshStaging();
        for (Map.Entry<String, String> file : files.entrySet()) {
            staging.write(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return publisher.publish(staging);
    }

    private List<String> partialCopies() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.map(Path::toString).filter(name -> name.endsWith(".broadsheet-part")).toList();
        }
    }

    @Test
    void aFullDiskNeverCostsAPublishedPageAndTheNextBuildFinishes() throws IOException {
        Map<String, String> old = pages("旧", 1);
        publish(old);
        Path padding = Files.write(output.resolve("padding.bin"), new byte[30 * BLOCK]); // not Broadsheet's
        Map<String, String> grown = pages("新", 2);

        assertThatThrownBy(() -> publish(grown)).isInstanceOfSatisfying(PublishInterrupted.class, e -> {
            assertThat(e.getMessage()).contains("publishing into /srv/public stopped at /srv/public/2025/12/10/",
                    "of 20 changed files were already replaced", "the next build finishes the publish");
            assertThat(e.getMessage()).doesNotContain(".broadsheet/staging", "broadsheet-part");
        });

        int replaced = 0;
        for (String page : old.keySet()) {
            String now = Files.readString(output.resolve(page));
            assertThat(now).as(page + " is whole, old or new").isIn(old.get(page), grown.get(page));
            replaced += now.equals(grown.get(page)) ? 1 : 0;
        }
        assertThat(replaced).as("some, not all, were replaced before the disk was full").isBetween(1, PAGES - 1);
        assertThat(partialCopies()).isEmpty();

        Files.delete(padding); // the webmaster frees space
        publisher.recover();

        for (String page : grown.keySet()) {
            assertThat(Files.readString(output.resolve(page))).isEqualTo(grown.get(page));
        }
        assertThat(partialCopies()).isEmpty();
    }

    @Test
    void aFirstPublishIntoATooSmallFolderLeavesNoPartialFile() throws IOException {
        Map<String, String> big = pages("页", 4);

        assertThatThrownBy(() -> publish(big)).isInstanceOf(PublishInterrupted.class);

        for (String page : big.keySet()) {
            Path file = output.resolve(page);
            if (Files.exists(file)) {
                assertThat(Files.readString(file)).as(page + " is whole").isEqualTo(big.get(page));
            }
        }
        assertThat(partialCopies()).isEmpty();
    }

    @Test
    void aPublishAcrossFileSystemsWithRoomEnoughIsAnOrdinaryOne() throws IOException {
        publish(pages("旧", 1));

        Publisher.Stats stats = publish(pages("新", 1));

        assertThat(stats).isEqualTo(new Publisher.Stats(PAGES, 0, 0, pages("新", 1).keySet().stream().sorted().toList()));
        assertThat(Files.readString(output.resolve("2025/12/10/07/index.html"))).startsWith("新.");
        assertThat(partialCopies()).isEmpty();
        assertThat(publisher.progress()).as("nothing under way once done").isEmpty();
    }
}
