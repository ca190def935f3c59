package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.broadsheet.config.EngineName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the CommonMark spec 0.31.2 (src/test/resources/commonmark/spec.json) against each engine in
 * its spec-only configuration ({@link MarkdownEngines#specOnly}: raw HTML allowed, no extensions, no figures, no
 * URL policy). Output is compared exactly, character for character: no normalisation (the spec's own runner
 * normalises whitespace and attribute order) turned out to be needed for either engine.
 *
 * <p>An engine's known deviations are listed in known-deviations-ENGINE.txt, one example number per line with
 * a reason. Every example not listed must pass and every listed one must still fail, so the list can neither
 * hide a regression nor go stale when an engine is upgraded.
 */
class CommonMarkSpecTest {
    private static final String SPEC_VERSION = "0.31.2";
    private static final List<Example> EXAMPLES = loadExamples();
    private static final Map<EngineName, Map<Integer, String>> DEVIATIONS = loadDeviations();
    private static final Map<EngineName, MarkdownEngine> ENGINES = specEngines();

    record Example(int number, String section, String markdown, String html) {
        @Override
        public String toString() {
            return number + " (" + section + ")";
        }
    }

    static Stream<Arguments> examples() {
        return Stream.of(EngineName.values()).flatMap(engine -> EXAMPLES.stream().map(e -> Arguments.of(engine, e)));
    }

    @ParameterizedTest(name = "{0} example {1}")
    @MethodSource("examples")
    void example(EngineName engine, Example example) {
        String actual = ENGINES.get(engine).render(example.markdown()).html();
        String reason = DEVIATIONS.get(engine).get(example.number());
        if (reason == null) {
            assertThat(actual).as("%s, CommonMark %s example %s:%n%s", engine, SPEC_VERSION, example,
                    example.markdown()).isEqualTo(example.html());
        } else {
            assertThat(actual).as("%s now passes example %s, listed as a known deviation (%s): remove it from "
                    + "known-deviations-%s.txt", engine, example, reason, name(engine)).isNotEqualTo(example.html());
        }
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void passCountMatchesTheDeviationList(EngineName engine) {
        MarkdownEngine markdown = ENGINES.get(engine);
        Map<String, List<Integer>> failedBySection = new LinkedHashMap<>();
        int passed = 0;
        for (Example example : EXAMPLES) {
            if (markdown.render(example.markdown()).html().equals(example.html())) {
                passed++;
            } else {
                failedBySection.computeIfAbsent(example.section(), s -> new ArrayList<>()).add(example.number());
            }
        }
        System.out.printf("%s: %d/%d CommonMark %s examples pass%s%n", name(engine), passed, EXAMPLES.size(),
                SPEC_VERSION, failedBySection.isEmpty() ? "" : "; failing by section: " + failedBySection);
        assertThat(EXAMPLES).hasSize(652);
        assertThat(DEVIATIONS.get(engine).keySet()).as("example numbers in known-deviations-%s.txt", name(engine))
                .allSatisfy(number -> assertThat(number).isBetween(1, EXAMPLES.size()));
        assertThat(passed).isEqualTo(EXAMPLES.size() - DEVIATIONS.get(engine).size());
    }

    private static String name(EngineName engine) {
        return engine.name().toLowerCase(Locale.ROOT);
    }

    private static Map<EngineName, MarkdownEngine> specEngines() {
        Map<EngineName, MarkdownEngine> engines = new EnumMap<>(EngineName.class);
        for (EngineName engine : EngineName.values()) {
            engines.put(engine, MarkdownEngines.specOnly(engine));
        }
        return engines;
    }

    private static List<Example> loadExamples() {
        try (InputStream in = resource("spec.json")) {
            List<Example> examples = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                examples.add(new Example(node.get("example").asInt(), node.get("section").asText(),
                        node.get("markdown").asText(), node.get("html").asText()));
            }
            return Collections.unmodifiableList(examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Example number → reason, from lines "NUMBER  section: reason"; lines starting with # are comments. */
    private static Map<EngineName, Map<Integer, String>> loadDeviations() {
        Map<EngineName, Map<Integer, String>> all = new EnumMap<>(EngineName.class);
        for (EngineName engine : EngineName.values()) {
            String file = "known-deviations-" + name(engine) + ".txt";
            Map<Integer, String> deviations = new TreeMap<>();
            try (InputStream in = resource(file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    String[] parts = trimmed.split("\\s+", 2);
                    String reason = parts.length > 1 ? parts[1] : "";
                    assertThat(reason).as("%s: a reason for example %s", file, parts[0]).isNotBlank();
                    assertThat(deviations.put(Integer.parseInt(parts[0]), reason))
                            .as("%s lists example %s twice", file, parts[0]).isNull();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all.put(engine, deviations);
        }
        return all;
    }

    private static InputStream resource(String name) {
        InputStream in = CommonMarkSpecTest.class.getResourceAsStream("/commonmark/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource commonmark/" + name);
        }
        return in;
    }
}
