package org.broadsheet.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Problem's printed form (path:line:col: severity: message (hint)) and its deterministic order. */
class ProblemTest {
    private static final Path ARTICLE = Path.of("content/2025/12/12/04/普法小课堂.md");

    @Test
    void formatsPathLineColumnSeverityMessageAndHint() {
        Problem problem = Problem.error(ARTICLE, 3, 7, "unknown key 'titel'", "did you mean 'title'?");

        assertThat(problem.format()).isEqualTo(
                "content/2025/12/12/04/普法小课堂.md:3:7: error: unknown key 'titel' (did you mean 'title'?)");
    }

    @Test
    void leavesOutColumnWhenUnknownAndLineWhenTheWholeFileIsMeant() {
        assertThat(Problem.warning(Path.of("site.yml"), 1, 0, "no baseUrl", "").format())
                .isEqualTo("site.yml:1: warning: no baseUrl");
        assertThat(Problem.error(ARTICLE, 0, 5, "file name: slug 'a b' contains ' '", "rename it").format())
                .as("a column without a line is meaningless and is not printed")
                .isEqualTo("content/2025/12/12/04/普法小课堂.md: error: file name: slug 'a b' contains ' ' (rename it)");
    }

    @Test
    void printsForwardSlashesWhateverThePathSpelling() {
        Problem problem = Problem.error(Path.of("content\\2025\\12\\12\\01\\𠀀.md"), 2, 1, "标题缺失", null);

        assertThat(problem.format()).isEqualTo("content/2025/12/12/01/𠀀.md:2:1: error: 标题缺失");
        assertThat(problem.hint()).as("a null hint becomes empty").isEmpty();
    }

    @Test
    void refusesMissingFileSeverityOrMessage() {
        assertThatNullPointerException().isThrownBy(() -> Problem.error(null, 1, 1, "m", ""));
        assertThatNullPointerException().isThrownBy(() -> new Problem(ARTICLE, 1, 1, null, "m", ""));
        assertThatNullPointerException().isThrownBy(() -> Problem.error(ARTICLE, 1, 1, null, ""));
    }

    @Test
    void shiftedByMovesPositionedProblemsButNotWholeFileOnes() {
        Problem positioned = Problem.error(ARTICLE, 2, 4, "m", "h");
        Problem wholeFile = Problem.error(ARTICLE, 0, 0, "m", "h");

        assertThat(positioned.shiftedBy(3)).isEqualTo(Problem.error(ARTICLE, 5, 4, "m", "h"));
        assertThat(wholeFile.shiftedBy(3)).isSameAs(wholeFile);
    }

    @Test
    void ordersByFileThenLineThenColumnThenSeverityThenMessage() {
        Problem siteYml = Problem.warning(Path.of("site.yml"), 1, 0, "no baseUrl", "");
        Problem wholeFile = Problem.error(Path.of("content/2025/12/12/01/01.md"), 0, 0, "文件名", "");
        Problem line2 = Problem.error(Path.of("content/2025/12/12/01/01.md"), 2, 9, "b", "");
        Problem line10 = Problem.error(Path.of("content/2025/12/12/01/01.md"), 10, 1, "a", "");
        Problem sameSpotError = Problem.error(Path.of("content/2025/12/12/01/02.md"), 3, 1, "z", "");
        Problem sameSpotWarning = Problem.warning(Path.of("content/2025/12/12/01/02.md"), 3, 1, "a", "");
        Problem messageA = Problem.error(Path.of("content/2025/12/12/01/03.md"), 3, 1, "a 包头", "");
        Problem messageB = Problem.error(Path.of("content/2025/12/12/01/03.md"), 3, 1, "b 包头", "");
        List<Problem> expected = List.of(wholeFile, line2, line10, sameSpotError, sameSpotWarning, messageA,
                messageB, siteYml);

        List<Problem> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(20251212));

        assertThat(shuffled.stream().sorted(Problem.ORDER).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void ordersWindowsAndUnixSpellingsOfAPathTogether() {
        Problem unix = Problem.error(Path.of("content/b.md"), 1, 1, "m", "");
        Problem windows = Problem.error(Path.of("content\\a.md"), 5, 1, "m", "");

        assertThat(List.of(unix, windows).stream().sorted(Problem.ORDER).toList()).containsExactly(windows, unix);
    }

    @Test
    void problemsSortsDropsExactDuplicatesAndCountsBySeverity() {
        Problems problems = new Problems();
        Problem late = Problem.error(Path.of("content/2025/12/12/02/01.md"), 4, 1, "日期不符", "");
        Problem early = Problem.warning(Path.of("content/2025/12/12/01/01.md"), 0, 0, "unknown dateline '那吉讯'", "");
        problems.add(late);
        problems.addAll(List.of(early, late));

        assertThat(problems.sorted()).containsExactly(early, late);
        assertThat(problems.hasErrors()).isTrue();
        assertThat(problems.errorCount()).isEqualTo(2);
        assertThat(problems.warningCount()).isEqualTo(1);
    }

    @Test
    void warningsAloneAreNotErrors() {
        Problems problems = new Problems();
        problems.add(Problem.warning(Path.of("site.yml"), 1, 0, "no baseUrl", ""));

        assertThat(problems.hasErrors()).isFalse();
        assertThat(problems.sorted()).singleElement().extracting(Problem::isError).isEqualTo(false);
    }
}
