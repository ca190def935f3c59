package org.broadsheet.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.broadsheet.SmallStack;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser's safety rules: node trees only, no duplicate keys, no tags, bounded depth and aliases. */
class YamlParserTest {
    private static final Path FILE = Path.of("content/2025/12/12/01/_page.yml");

    private static YamlParser.Result parse(String yaml) {
        return YamlParser.parseMapping(FILE, yaml, 1);
    }

    private static Problem onlyProblemOf(String yaml) {
        YamlParser.Result result = parse(yaml);
        assertThat(result.root()).as("a refused document gives no mapping").isEmpty();
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    /** A duplicate key is reported, but the mapping is still read so that the file's other mistakes show too. */
    private static Problem onlyKeyProblemOf(String yaml, int firstLine) {
        YamlParser.Result result = YamlParser.parseMapping(FILE, yaml, firstLine);
        assertThat(result.root()).as("a duplicate key refuses nothing").isPresent();
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    @Test
    void readsAPlainMappingWithoutProblems() {
        YamlParser.Result result = parse("section: 要闻\nlabel: A01\neditors:\n  责任编辑: 钱虹\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.root()).get().extracting(YamlMap::keys).isEqualTo(List.of("section", "label", "editors"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# 只有注释\n", "null\n", "---\n"})
    void treatsAnEmptyDocumentAsAnEmptyMapping(String yaml) {
        YamlParser.Result result = parse(yaml);

        assertThat(result.problems()).isEmpty();
        assertThat(result.root()).get().extracting(YamlMap::keys).isEqualTo(List.of());
    }

    @Test
    void duplicateKeyNamesBothLines() {
        Problem problem = onlyKeyProblemOf("title: 第一个标题\nkicker: 引题\ntitle: 第二个标题\n", 1);

        assertThat(problem.line()).as("reported at the second occurrence").isEqualTo(3);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.message()).isEqualTo("duplicate key 'title' (first on line 1)");
    }

    /** So that the file's other mistakes are reported in the same build (issue 18). */
    @Test
    void aDuplicateKeyStillLetsTheFileBeReadWithTheFirstValue() {
        YamlParser.Result result = parse("title: 第一个标题\ntitle: 第二个标题\npaginate: abc\n");
        YamlMap yaml = result.root().orElseThrow();

        assertThat(yaml.string("title")).contains("第一个标题");
        assertThat(yaml.integer("paginate")).isEmpty();
        assertThat(result.problems()).extracting(Problem::message)
                .containsExactly("duplicate key 'title' (first on line 1)");
        assertThat(yaml.problems()).extracting(Problem::line).containsExactly(3);
    }

    @Test
    void duplicateKeyLinesCountFromWhereTheYamlStartsInTheFile() {
        Problem problem = onlyKeyProblemOf("标题: 甲\n作者: 乙\n标题: 丙\n", 2);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("'标题'").contains("first on line 2");
    }

    @Test
    void duplicateKeysInsideANestedMappingAreFoundToo() {
        Problem problem = onlyKeyProblemOf("editors:\n  责任编辑: 钱虹\n  责任编辑: 刘晓东\n", 1);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.message()).contains("first on line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cmd: !!python/object/apply:os.system [\"rm -rf /\"]\n",
        "obj: !!python/object:__main__.Exploit {}\n",
        "title: !foo 北疆法治报\n",
        "title: !<tag:example.org,2025:x> 包头\n",
        "data: !!binary aGVsbG8=\n",
        "when: !!timestamp 2025-12-12\n"})
    void refusesTagsThatCouldConstructObjects(String yaml) {
        Problem problem = onlyProblemOf(yaml);

        assertThat(problem.message()).startsWith("YAML tag ").endsWith(" is not allowed");
        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.column()).isGreaterThan(1);
    }

    @Test
    void refusesATagDeepInsideAListOnItsOwnLine() {
        Problem problem = onlyProblemOf("title: 标题\ntags:\n  - 法治\n  - !secret 普法\n");

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("!secret");
    }

    @Test
    void acceptsModerateNesting() {
        assertThat(parse(nestedMappings(20)).problems()).isEmpty();
    }

    @Test
    void refusesNestingBeyondTheLimit() {
        YamlParser.Result result = parse(nestedMappings(YamlParser.MAX_DEPTH + 5));

        assertThat(result.root()).isEmpty();
        assertThat(result.problems()).singleElement()
                .extracting(Problem::message).asString().contains("nested more than 32 levels");
    }

    /**
     * Ten thousand levels once overflowed the composer's recursion (exit 4, "internal error"); on a small
     * stack each style must give the depth error at the first node past 32 levels, counting the top mapping
     * as level 1: the 32nd bracket or dash, or the key inside the 31st brace.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "flow sequences|2|38",
        "flow mappings|2|128",
        "block sequences|3|63",
        "one flow sequence left open, as long as the size limit allows|2|38"})
    void refusesTenThousandLevelsOnASmallStackAtTheFirstNodePastTheLimit(String style, int line, int column) {
        String deep = switch (style) {
            case "flow sequences" -> " " + "[".repeat(10_000) + "]".repeat(10_000); // deep: [[[…]]]
            case "flow mappings" -> " " + "{a: ".repeat(10_000) + "b" + "}".repeat(10_000); // deep: {a: {a: …}}
            case "block sequences" -> "\n" + "- ".repeat(10_000) + "x"; // deep:, then - - - … x
            default -> " " + "[".repeat(YamlParser.MAX_CODE_POINTS - 100);
        };
        String yaml = "title: 标题\ndeep:" + deep + "\n";

        YamlParser.Result result = SmallStack.call(() -> parse(yaml));

        assertThat(result.root()).as(style).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("YAML nested more than 32 levels deep");
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.column()).isEqualTo(column);
        });
    }

    /** Each indented level is a longer line, so the size limit allows about a thousand two-space levels. */
    @Test
    void refusesAThousandIndentedMappingsOnASmallStack() {
        Problem problem = SmallStack.call(() -> YamlParser.parseMapping(FILE, nestedMappings(1_000), 2))
                .problems().get(0);

        assertThat(problem.message()).isEqualTo("YAML nested more than 32 levels deep");
        assertThat(problem.line()).as("the 32nd key, the first node on level 33").isEqualTo(33);
        assertThat(problem.column()).isEqualTo(63);
    }

    /** An alias stands for its anchor's whole tree, so anchors of 11 and 21 levels reach 33 through a third. */
    @Test
    void refusesNestingThatAliasesBuildOutOfShallowAnchors() {
        String brackets = "[".repeat(10);
        String closing = "]".repeat(10);
        YamlParser.Result result = parse("a0: &a0 [x]\n"
                + "a1: &a1 " + brackets + "*a0" + closing + "\n"
                + "a2: &a2 " + brackets + "*a1" + closing + "\n"
                + "a3: &a3 " + brackets + "*a2" + closing + "\n");

        assertThat(result.root()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("YAML nested more than 32 levels deep");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).as("at the alias *a2").isEqualTo(19);
        });
    }

    @Test
    void aSelfReferencingAliasIsRefusedNotAStackOverflow() {
        Problem problem = onlyProblemOf("title: 标题\nloop: &x [*x]\n");

        assertThat(problem.message()).contains("refers to itself");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void recursiveAliasesThatBranchAreRefusedQuickly() {
        // Found by the fuzz corpus: each level doubled the walk, so this took minutes before nodes were
        // checked once each.
        long start = System.nanoTime();
        YamlParser.Result result = parse("a: &a [*a, *a]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b, *b]\n");
        assertThat(result.root()).isEmpty();
        assertThat(result.problems()).extracting(Problem::message).anyMatch(m -> m.contains("refers to itself"));
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void allowsAFewAliases() {
        YamlParser.Result result = parse("base: &b [包头, 达茂旗]\nagain: *b\nonce-more: *b\nname: &n 呼和浩特\nsame: *n\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.root().get().stringList("again")).containsExactly("包头", "达茂旗");
    }

    @Test
    void refusesAnAliasBomb() {
        StringBuilder yaml = new StringBuilder("a: &a [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'j'; level++) {
            yaml.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = level;
        }

        Problem problem = onlyProblemOf(yaml.toString());

        assertThat(problem.message()).startsWith("invalid YAML:").contains("aliases");
    }

    @Test
    void refusesHugeDocuments() {
        String huge = "title: " + "长".repeat(YamlParser.MAX_CODE_POINTS + 10) + "\n";

        assertThat(onlyProblemOf(huge).message()).startsWith("invalid YAML:");
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        Problem problem = YamlParser.parseMapping(FILE, "title: 标题\ntags: [法治, 普法\n", 2).problems().get(0);

        assertThat(problem.message()).startsWith("invalid YAML:");
        assertThat(problem.line()).isGreaterThanOrEqualTo(3);
        assertThat(problem.hint()).contains("indentation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"- 包头\n- 赤峰\n", "只是一句话\n"})
    void expectsAMappingAtTheTop(String yaml) {
        Problem problem = onlyProblemOf(yaml);

        assertThat(problem.message()).isEqualTo("expected keys and values (a YAML mapping)");
        assertThat(problem.line()).isEqualTo(1);
    }

    @Test
    void refusesNonScalarKeys() {
        assertThat(onlyProblemOf("? [a, b]\n: c\n").isError()).isTrue();
    }

    private static String nestedMappings(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append("  ".repeat(i)).append("层").append(i).append(":\n");
        }
        yaml.append("  ".repeat(depth)).append("底: 值\n");
        return yaml.toString();
    }
}
