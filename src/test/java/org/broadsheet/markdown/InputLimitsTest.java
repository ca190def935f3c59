package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks before parsing: exact at their limits, blind to ordinary writing. */
class InputLimitsTest {
    private static final int NESTING = InputLimits.MAX_NESTING;
    private static final int BRACKETS = InputLimits.MAX_OPEN_BRACKETS;
    private static final int RUNS = InputLimits.MAX_DELIMITER_RUNS;

    private static String indentedList(int depth) {
        return IntStream.range(0, depth).mapToObj(i -> "  ".repeat(i) + "* 项\n").collect(Collectors.joining());
    }

    @ParameterizedTest
    @ValueSource(strings = {">", "> ", "- ", "* ", "+ ", "1. ", "2) ", "> 1. "})
    void containersAreCountedUpToTheLimit(String marker) {
        int perMarker = marker.strip().startsWith(">") && marker.length() > 2 ? 2 : 1;
        String atLimit = marker.repeat(NESTING / perMarker) + "深\n";
        String overLimit = marker.repeat(NESTING / perMarker + 1) + "深\n";
        assertThat(InputLimits.check(atLimit)).isEmpty();
        assertThat(InputLimits.check(overLimit)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("block quotes and lists nested ").contains("on line 1 of the body; the limit is 50"));
    }

    @Test
    void listsNestedByIndentationCount() {
        assertThat(InputLimits.check(indentedList(NESTING))).isEmpty();
        assertThat(InputLimits.check(indentedList(NESTING + 1)))
                .hasValue("block quotes and lists nested 51 deep on line 51 of the body; the limit is 50");
    }

    @Test
    void indentationAloneAndThematicBreaksOpenNothing() {
        assertThat(InputLimits.check(" ".repeat(10_000) + "缩进的文字\n")).isEmpty();
        assertThat(InputLimits.check("* * *\n\n- - -\n\n***\n")).isEmpty();
        assertThat(InputLimits.containerDepth("1234567890. 不是列表", 0, 15)).isZero();
    }

    @Test
    void bracketsOpenAtOnceAreCountedPerParagraph() {
        assertThat(InputLimits.check("[".repeat(BRACKETS) + "\n")).isEmpty();
        assertThat(InputLimits.check("a\n" + "[".repeat(BRACKETS + 1) + "\n"))
                .hasValue("brackets nested more than 500 deep on line 2 of the body; the limit is 500");
        assertThat(InputLimits.check("![".repeat(BRACKETS + 1))).isPresent();
        // Closed brackets, escaped ones and a blank line in between do not add up.
        assertThat(InputLimits.check("[注][1]".repeat(10_000))).isEmpty();
        assertThat(InputLimits.check("\\[".repeat(10_000))).isEmpty();
        assertThat(InputLimits.check(("[".repeat(BRACKETS) + "\n\n").repeat(3))).isEmpty();
    }

    @Test
    void emphasisRunsAreCountedPerParagraph() {
        assertThat(InputLimits.check("a*".repeat(RUNS))).isEmpty();
        assertThat(InputLimits.check("**粗**".repeat(RUNS / 2))).isEmpty();
        assertThat(InputLimits.check("a\n\n" + "a_".repeat(RUNS + 1))).hasValue("more than 10000 runs of *, _ or ~ "
                + "in the paragraph starting on line 3 of the body; the limit is 10000");
        assertThat(InputLimits.check("~~删~~ ".repeat(RUNS / 2 + 1))).isPresent();
        assertThat(InputLimits.check("\\*".repeat(RUNS + 1))).isEmpty();
        assertThat(InputLimits.check(("a*".repeat(RUNS) + "\n\n").repeat(3))).isEmpty();
        assertThat(InputLimits.check("*_".repeat(RUNS / 2))).as("a run per character, up to the limit").isEmpty();
        assertThat(InputLimits.check("*_".repeat(RUNS / 2) + "*")).as("one character more").isPresent();
    }

    @Test
    void sizeIsCheckedFirst() {
        assertThat(InputLimits.check("a".repeat(InputLimits.MAX_CHARS))).isEmpty();
        assertThat(InputLimits.check(">".repeat(InputLimits.MAX_CHARS + 1)))
                .hasValue("article body is 1000001 characters, more than the limit of 1000000");
    }

    @Test
    void theSampleArchiveIsWellWithinTheLimits() throws IOException {
        Path content = Path.of("content");
        assertThat(content).isDirectory();
        List<Path> articles;
        try (Stream<Path> files = Files.walk(content)) {
            articles = files.filter(f -> f.toString().endsWith(".md")).toList();
        }
        assertThat(articles).isNotEmpty();
        for (Path article : articles) {
            String text = Files.readString(article, StandardCharsets.UTF_8);
            assertThat(InputLimits.check(text)).as(article.toString()).isEmpty();
            assertThat(InputLimits.cannotOverrun(text)).as("the short way for " + article).isTrue();
        }
    }

    /**
     * The short way (only nesting, when the text is too short or has too few brackets to overrun the other
     * limits) answers as the full scan does, on texts built to sit on either side of every limit.
     */
    @Test
    void theShortWayAnswersAsTheFullScan() {
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {"\\[", "*", "_", "~", "**", "> ", "- ", "1. ", "  ", "法", "a", "\n", "\n\n"};
        int refused = 0;
        for (int round = 0; round < 400; round++) {
            StringBuilder text = new StringBuilder();
            int length = RUNS - 2_000 + random.nextInt(4_000);
            // pieces are 1.6 characters long on average: aim at 350 to 650 brackets, some closed again
            double brackets = 1.6 * (BRACKETS - 150 + random.nextInt(300)) / length;
            double closing = random.nextBoolean() ? 0 : brackets / 20;
            double delimiters = random.nextInt(4) == 0 ? 0.5 : 0;
            int kinds = random.nextBoolean() ? pieces.length : pieces.length - 2; // some texts are one paragraph
            while (text.length() < length) {
                double roll = random.nextDouble();
                text.append(roll < brackets ? "[" : roll < brackets + closing ? "]"
                        : roll < brackets + closing + delimiters ? "a*" : pieces[random.nextInt(kinds)]);
            }
            String markdown = text.toString();
            assertThat(InputLimits.check(markdown)).as(markdown).isEqualTo(InputLimits.scan(markdown));
            refused += InputLimits.scan(markdown).isPresent() ? 1 : 0;
        }
        assertThat(refused).as("texts refused").isBetween(20, 380);
    }
}
