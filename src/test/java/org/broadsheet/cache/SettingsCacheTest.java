package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.content.ContentListing;
import org.broadsheet.content.IssueSource;
import org.broadsheet.content.PageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SettingsCacheTest {
    private static final long NOW = 1_800_000_000_000_000_000L;
    private static final long LONG_AGO = NOW - 3_600_000_000_000L;

    @TempDir
    Path dir;

    private static ContentListing.Listed file(String key, long size, long modified) {
        return new ContentListing.Listed(Path.of(key), key, size, modified);
    }

    private static final ContentListing.Listed PAGE_FILE = file("content/2025/12/12/01/_page.yml", 60, LONG_AGO);
    private static final ContentListing.Listed ISSUE_FILE = file("content/2025/12/12/_issue.yml", 30, LONG_AGO);

    private static PageSource page() {
        Map<String, String> editors = new LinkedHashMap<>();
        editors.put("责任编辑", "钱虹");
        editors.put("制版编辑", "孙立");
        return new PageSource(Path.of("content/2025/12/12/01"), LocalDate.of(2025, 12, 12), 1, "A01", "要闻", editors,
                List.of("走进包头 看法治"), Optional.of("scan.jpg"), Optional.empty(), List.of("scan.jpg"));
    }

    private static IssueSource issue() {
        return new IssueSource(LocalDate.of(2025, 12, 12), OptionalInt.of(7001), "特刊", "");
    }

    private SettingsCache savedWithBoth() throws IOException {
        SettingsCache cache = SettingsCache.open(dir, "key", false, NOW);
        cache.remember(PAGE_FILE, page());
        cache.remember(ISSUE_FILE, issue());
        cache.save();
        return SettingsCache.open(dir, "key", false, NOW);
    }

    @Test
    void whatIsRememberedComesBackWhileTheFileIsUnchanged() throws IOException {
        SettingsCache reopened = savedWithBoth();

        assertThat(reopened.page(PAGE_FILE)).contains(page());
        assertThat(reopened.page(PAGE_FILE).orElseThrow().editors().keySet()).containsExactly("责任编辑", "制版编辑");
        assertThat(reopened.issue(ISSUE_FILE)).contains(issue());
        assertThat(reopened.page(file(PAGE_FILE.key(), 61, LONG_AGO))).as("another size").isEmpty();
        assertThat(reopened.page(file(PAGE_FILE.key(), 60, LONG_AGO + 1))).as("another time").isEmpty();
        assertThat(reopened.issue(PAGE_FILE)).as("a page is not an issue").isEmpty();
    }

    @Test
    void anotherBuildKeyADamagedFileOrAFreshStartRemembersNothing() throws IOException {
        savedWithBoth();
        assertThat(SettingsCache.open(dir, "other key", false, NOW).page(PAGE_FILE)).isEmpty();
        assertThat(SettingsCache.open(dir, "key", true, NOW).page(PAGE_FILE)).isEmpty();
        byte[] bytes = Files.readAllBytes(dir.resolve("settings"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve("settings"), bytes);
        assertThat(SettingsCache.open(dir, "key", false, NOW).page(PAGE_FILE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Damage.class)
    void aDamagedFileRemembersNothingAndIsWrittenGoodAgain(CacheFiles.Damage damage) throws IOException {
        savedWithBoth();
        damage.applyTo(dir.resolve("settings"));

        SettingsCache damaged = SettingsCache.open(dir, "key", false, NOW);
        assertThat(damaged.page(PAGE_FILE)).isEmpty();
        assertThat(damaged.issue(ISSUE_FILE)).isEmpty();

        damaged.remember(PAGE_FILE, page());
        damaged.save();
        assertThat(SettingsCache.open(dir, "key", false, NOW).page(PAGE_FILE)).contains(page());
    }

    @ParameterizedTest
    @EnumSource(CacheFiles.Foreign.class)
    void aFileOfAnotherVersionOrStoreRemembersNothing(CacheFiles.Foreign foreign) throws IOException {
        savedWithBoth();
        foreign.applyTo(dir.resolve("settings"));

        SettingsCache reopened = SettingsCache.open(dir, "key", false, NOW);
        assertThat(reopened.page(PAGE_FILE)).isEmpty();
        assertThat(reopened.issue(ISSUE_FILE)).isEmpty();
    }

    @Test
    void noFileRemembersNothing() {
        assertThat(SettingsCache.open(dir, "key", false, NOW).page(PAGE_FILE)).isEmpty();
    }

    @Test
    void deleteRemovesTheFile() throws IOException {
        savedWithBoth();

        SettingsCache.delete(dir);

        assertThat(dir.resolve("settings")).doesNotExist();
        assertThat(SettingsCache.open(dir, "key", false, NOW).page(PAGE_FILE)).isEmpty();
    }

    @Test
    void filesChangedJustBeforeTheBuildAreNotRemembered() throws IOException {
        SettingsCache cache = SettingsCache.open(dir, "key", false, NOW);
        ContentListing.Listed recent = file(PAGE_FILE.key(), 60, NOW - 1_000_000_000L);
        cache.remember(recent, page());
        cache.save();

        assertThat(SettingsCache.open(dir, "key", false, NOW).page(recent)).isEmpty();
    }

    @Test
    void whatABuildNoLongerUsesIsForgotten() throws IOException {
        SettingsCache reopened = savedWithBoth();
        reopened.page(PAGE_FILE); // the issue file is gone from this build's listing
        reopened.save();

        SettingsCache third = SettingsCache.open(dir, "key", false, NOW);
        assertThat(third.page(PAGE_FILE)).isPresent();
        assertThat(third.issue(ISSUE_FILE)).isEmpty();
    }
}
