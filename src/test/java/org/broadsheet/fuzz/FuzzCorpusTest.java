package org.broadsheet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every committed fuzz input (seeds and past findings) through its target: regression mode. */
class FuzzCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/fuzz");

    static Stream<Arguments> inputs() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(file -> Arguments.of(file.getParent().getFileName().toString(),
                CORPUS.relativize(file).toString()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("inputs")
    void targetSurvivesInput(String target, String input) throws IOException {
        byte[] data = Files.readAllBytes(CORPUS.resolve(input));
        Consumer<byte[]> run = switch (target) {
            case "FrontMatterFuzz" -> FrontMatterFuzz::fuzzerTestOneInput;
            case "MarkdownFuzz" -> MarkdownFuzz::fuzzerTestOneInput;
            default -> throw new IllegalArgumentException("no fuzz target " + target);
        };
        assertThatCode(() -> run.accept(data)).doesNotThrowAnyException();
    }
}
