package org.broadsheet.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typing through our own schema: YAML 1.1 guesses never apply, wrong shapes are reported where they are. */
class YamlMapTest {
    private static final Path FILE = Path.of("content/2025/12/12/01/01.md");

    /** Front matter starts on line 2 of an article, after the opening fence. */
    private static YamlMap frontMatter(String yaml) {
        YamlParser.Result result = YamlParser.parseMapping(FILE, yaml, 2);
        assertThat(result.problems()).as("test YAML must parse").isEmpty();
        return result.root().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "yes", "on", "off", "NO", "y", "n", "True"})
    void norwayWordsStayTextWhereTextIsExpected(String word) {
        YamlMap yaml = frontMatter("dateline: " + word + "\n");

        assertThat(yaml.string("dateline")).contains(word);
        assertThat(yaml.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "1"})
    void onlyTrueAndFalseAreBooleans(String word) {
        YamlMap yaml = frontMatter("title: 标题\ndraft: " + word + "\n");

        assertThat(yaml.bool("draft")).isEmpty();
        assertThat(yaml.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("'draft' must be true or false");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(8);
        });
    }

    @Test
    void readsTrueAndFalse() {
        YamlMap yaml = frontMatter("draft: true\nwithdrawn: false\n");

        assertThat(yaml.bool("draft")).contains(true);
        assertThat(yaml.bool("withdrawn")).contains(false);
        assertThat(yaml.bool("absent")).isEmpty();
        assertThat(yaml.problems()).isEmpty();
    }

    @Test
    void numbersAreTextWhenTextIsWantedAndKeepTheirSpelling() {
        YamlMap yaml = frontMatter("title: 2025\nslug: 007\nkicker: 1.50\n");

        assertThat(yaml.string("title")).contains("2025");
        assertThat(yaml.string("slug")).contains("007");
        assertThat(yaml.string("kicker")).contains("1.50");
    }

    @Test
    void readsWholeNumbersQuotedOrNot() {
        YamlMap yaml = frontMatter("order: 3\npage: \"12\"\ncontinues: +4\nnumber: -2\n");

        assertThat(yaml.integer("order")).contains(3);
        assertThat(yaml.integer("page")).contains(12);
        assertThat(yaml.integer("continues")).contains(4);
        assertThat(yaml.integer("number")).contains(-2);
        assertThat(yaml.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"三", "1.5", "1e3", "0x1F", "[1, 2]", "\"\"", "\"-\""})
    void refusesWhatIsNotAWholeNumber(String value) {
        YamlMap yaml = frontMatter("page: " + value + "\n");

        assertThat(yaml.integer("page")).isEmpty();
        assertThat(yaml.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("'page' must be a whole number");
            assertThat(problem.hint()).isEqualTo("write digits only, e.g. page: 6");
            assertThat(problem.line()).isEqualTo(2);
        });
    }

    /** Issue 18: a number too large was told it is not a whole number; it is, and needs to hear the range. */
    @ParameterizedTest
    @ValueSource(strings = {"1000000000", "-1000000000", "12345678901", "99999999999999999999999",
        "-99999999999999999999999", "\"+99999999999\""})
    void aWholeNumberTooLargeIsToldTheRange(String value) {
        YamlMap yaml = frontMatter("order: " + value + "\n");

        assertThat(yaml.integer("order")).isEmpty();
        assertThat(yaml.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("'order' must be a whole number from -999999999 to 999999999");
            assertThat(problem.line()).isEqualTo(2);
        });
    }

    @Test
    void readsNineDigitsWhateverTheLeadingZerosOrSign() {
        YamlMap yaml = frontMatter("a: 999999999\nb: -999999999\nc: 0000000000007\nd: +0\ne: -0\n");

        assertThat(List.of("a", "b", "c", "d", "e")).map(yaml::integer)
                .containsExactly(Optional.of(999_999_999), Optional.of(-999_999_999), Optional.of(7), Optional.of(0),
                        Optional.of(0));
        assertThat(yaml.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-5", "五十", "99999999999999999999999", "[50]"})
    void aNumberWithARangeIsToldTheRangeWhateverIsWrong(String value) {
        YamlMap yaml = frontMatter("paginate: " + value + "\n");

        assertThat(yaml.integer("paginate", 1, 1000, 50)).isEmpty();
        assertThat(yaml.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("'paginate' must be a whole number from 1 to 1000");
            assertThat(problem.hint()).isEqualTo("e.g. paginate: 50");
            assertThat(problem.line()).isEqualTo(2);
        });
    }

    @Test
    void aNumberWithARangeReadsItsBounds() {
        YamlMap yaml = frontMatter("low: 1\nhigh: \"1000\"\n");

        assertThat(yaml.integer("low", 1, 1000, 50)).contains(1);
        assertThat(yaml.integer("high", 1, 1000, 50)).contains(1000);
        assertThat(yaml.problems()).isEmpty();
    }

    @Test
    void readsDatesAndRefusesImpossibleOnes() {
        YamlMap yaml = frontMatter("date: 2025-12-12\nquoted: \"2024-02-29\"\nbad: 2025-02-30\nslashed: 2025/12/12\n");

        assertThat(yaml.date("date")).contains(LocalDate.of(2025, 12, 12));
        assertThat(yaml.date("quoted")).contains(LocalDate.of(2024, 2, 29));
        assertThat(yaml.date("bad")).isEmpty();
        assertThat(yaml.date("slashed")).isEmpty();
        assertThat(yaml.problems()).extracting(Problem::line, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "'bad' must be a real calendar date"),
                org.assertj.core.groups.Tuple.tuple(5, "'slashed' must be a date YYYY-MM-DD"));
    }

    @Test
    void readsListsFlowBlockOrSingle() {
        YamlMap yaml = frontMatter("tags: [法治, 普法, null]\nauthors:\n  - 张三\n  - 𬘭𠀀\naliases: 旧地址\n");

        assertThat(yaml.stringList("tags")).containsExactly("法治", "普法");
        assertThat(yaml.stringList("authors")).containsExactly("张三", "𬘭𠀀");
        assertThat(yaml.stringList("aliases")).containsExactly("旧地址");
        assertThat(yaml.stringList("absent")).isEmpty();
        assertThat(yaml.problems()).isEmpty();
    }

    @Test
    void reportsNestedItemsInATextList() {
        YamlMap yaml = frontMatter("title: 标题\ntags:\n  - 法治\n  - {name: 普法}\n");

        assertThat(yaml.stringList("tags")).containsExactly("法治");
        assertThat(yaml.problems()).singleElement().extracting(Problem::line).isEqualTo(5);
    }

    @Test
    void textWantedButListGivenIsReportedAtTheValue() {
        YamlMap yaml = frontMatter("title:\n  - 第一行\n  - 第二行\n");

        assertThat(yaml.string("title")).isEmpty();
        assertThat(yaml.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("'title' must be a text value");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(3);
        });
    }

    @Test
    void stringMapKeepsTheOrderWritten() {
        YamlMap yaml = frontMatter("editors:\n  责任编辑: 钱虹\n  美术编辑: 乌云\n  校对: 𠀀明\n  版式: Zhang\n");

        Map<String, String> editors = yaml.stringMap("editors");

        assertThat(editors.keySet()).containsExactly("责任编辑", "美术编辑", "校对", "版式");
        assertThat(editors).containsEntry("校对", "𠀀明");
    }

    @Test
    void stringMapReportsNestedProblemsToItsParent() {
        YamlMap yaml = frontMatter("editors:\n  责任编辑: [钱虹, 乌云]\n  校对: 李四\n");

        assertThat(yaml.stringMap("editors")).containsExactly(Map.entry("校对", "李四"));
        assertThat(yaml.problems()).singleElement().extracting(Problem::line).isEqualTo(3);
    }

    @Test
    void unknownKeyGetsTheClosestKnownKeyAndItsPosition() {
        YamlMap yaml = frontMatter("title: 标题\nextra:\n  x: 1\nsubtitel: 副题\n");

        yaml.rejectUnknownKeys(List.of("title", "subtitle", "kicker", "extra"), "article front matter");

        assertThat(yaml.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("unknown key 'subtitel' in article front matter");
            assertThat(problem.hint()).isEqualTo("did you mean 'subtitle'?");
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.column()).isEqualTo(1);
        });
    }

    @Test
    void unknownKeyFarFromEveryKnownKeyListsThemAll() {
        YamlMap yaml = frontMatter("副标题: 这不是一个键\n");

        yaml.rejectUnknownKeys(List.of("title", "kicker"), "article front matter");

        assertThat(yaml.problems()).singleElement().extracting(Problem::hint)
                .isEqualTo("known keys: kicker, title");
    }

    @Test
    void nestedUnknownKeyIsReportedAtItsIndentedColumn() {
        YamlMap root = frontMatter("markdown:\n  engine: flexmark\n  htm: strip\n");
        YamlMap markdown = root.map("markdown").orElseThrow();

        markdown.rejectUnknownKeys(List.of("engine", "html"), "markdown");

        assertThat(markdown.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.hint()).isEqualTo("did you mean 'html'?");
        });
    }

    @Test
    void plainDataGivesTextListsAndMapsOnly() {
        YamlMap yaml = frontMatter("extra:\n  栏目: 普法\n  期数: 12\n  列表: [甲, 乙]\n  嵌套: {开: true}\n  空:\n");

        Map<String, Object> extra = yaml.plainData("extra");

        assertThat(extra).containsExactly(Map.entry("栏目", "普法"), Map.entry("期数", "12"),
                Map.entry("列表", List.of("甲", "乙")), Map.entry("嵌套", Map.of("开", "true")),
                Map.entry("空", ""));
        assertThat(yaml.plainData("absent")).isEmpty();
    }

    @Test
    void absentAndNullValuesAreEmptyWithoutProblems() {
        YamlMap yaml = frontMatter("subtitle:\nkicker: null\n");

        assertThat(yaml.string("subtitle")).isEmpty();
        assertThat(yaml.string("kicker", "默认")).isEqualTo("默认");
        assertThat(yaml.has("kicker")).isFalse();
        assertThat(yaml.has("absent")).isFalse();
        assertThat(yaml.problems()).isEmpty();
    }

    @Test
    void tildeIsYamlNullAndReadsAsAbsent() {
        YamlMap yaml = frontMatter("subtitle: ~\ntags: [法治, ~]\n");

        assertThat(yaml.string("subtitle")).isEmpty();
        assertThat(yaml.stringList("tags")).containsExactly("法治");
    }

    @Test
    void aReportUsesTheKeysPositionOrTheMappingsStartWhenAbsent() {
        YamlMap yaml = frontMatter("kicker: 引题\ntitle: 标题\n");

        yaml.report("title", "bad title", "");
        yaml.report("slug", "no slug", "");

        assertThat(yaml.problems()).extracting(Problem::line).containsExactly(3, 2);
        assertThat(yaml.columnOf("slug")).isZero();
    }
}
