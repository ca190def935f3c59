package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The body's heading levels under the page's h1: given Markdown levels in order, then HTML levels. */
class BodyHeadingsTest {
    private static int[] given(int... markdownLevels) {
        return BodyHeadings.htmlLevels(markdownLevels);
    }

    @Test
    void theHighestLevelABodyUsesBecomesH2() {
        assertThat(given(1, 2, 3)).containsExactly(2, 3, 4);
        assertThat(given(3, 3)).containsExactly(2, 2);
        assertThat(given(2, 4, 4, 2)).containsExactly(2, 3, 3, 2);
    }

    @Test
    void deepLevelsStopAtH6() {
        assertThat(given(1, 2, 3, 4, 5, 6)).containsExactly(2, 3, 4, 5, 6, 6);
    }

    @Test
    void aDeeperHeadingBeforeAHigherOneDoesNotSkip() {
        // "###" first, "##" later: ranked, the ### would be h3 straight after the page's h1.
        assertThat(given(3, 2, 3)).containsExactly(2, 2, 3);
    }

    @Test
    void aBodyWithoutHeadingsHasNone() {
        assertThat(given()).isEmpty();
    }

    @Property(tries = 500)
    void neverAnH1AndNeverASkippedLevel(@ForAll @Size(max = 12) List<@IntRange(min = 1, max = 6) Integer> levels) {
        int[] html = given(levels.stream().mapToInt(Integer::intValue).toArray());
        int previous = 1;
        for (int level : html) {
            assertThat(level).isBetween(2, Math.min(6, previous + 1));
            previous = level;
        }
    }
}
