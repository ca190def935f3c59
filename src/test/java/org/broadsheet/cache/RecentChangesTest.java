package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentChangesTest {
    private static final long NOW = 1_800_000_000_000_000_000L;

    @Test
    void aFileChangedWithinTwoSecondsBeforeTheBuildOrAfterItIsTooRecent() {
        assertThat(RecentChanges.tooRecent(NOW - 1_999_999_999L, NOW)).isTrue();
        assertThat(RecentChanges.tooRecent(NOW, NOW)).isTrue();
        assertThat(RecentChanges.tooRecent(NOW + 5_000_000_000L, NOW)).as("a clock ahead of the build's").isTrue();
    }

    @Test
    void aFileChangedTwoSecondsOrMoreBeforeTheBuildIsTrusted() {
        assertThat(RecentChanges.tooRecent(NOW - 2_000_000_000L, NOW)).isFalse();
        assertThat(RecentChanges.tooRecent(NOW - 3_600_000_000_000L, NOW)).isFalse();
    }
}
