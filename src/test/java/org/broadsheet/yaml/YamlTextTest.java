package org.broadsheet.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link YamlText}: any text, written as a value, reads back as exactly that text. */
class YamlTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"草原上的流动法庭", "标题: \"引号\" #井号", "- 列表", "[x]", "{a: b}", "'单引号'", "  前导空格",
            "尾随空格  ", "", " ", "no", "NULL", "~", "123", "0x1F", "1e3", ".inf", "2025-12-11", "a\\b", "\\\"",
            "换\n行", "回\r车", "制表\t符", "\u0007响铃", "\u0085NEL", "行\u2028分隔", "段\u2029分隔", "\uFEFFBOM",
            "🀄 𠀀 表情", "---", "...", "#注释", "a #b", "a: b", "a:b", "%YAML", "!!str x", "&a", "*a",
            "\u00A0不换行空格", "C1\u009B控制"})
    void readsBackExactly(String text) {
        String yaml = "title: " + YamlText.scalar(text) + "\nnext: 1\n";

        YamlParser.Result parsed = YamlParser.parseMapping(Path.of("t.md"), yaml, 2);

        assertThat(parsed.problems()).as(yaml).isEmpty();
        assertThat(parsed.root().orElseThrow().string("title")).as(yaml).hasValue(text);
        assertThat(parsed.root().orElseThrow().integer("next")).hasValue(1);
        assertThat(YamlText.scalar(text)).as("one line").doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
    }

    @ParameterizedTest
    @ValueSource(strings = {"草原上的流动法庭", "包头讯", "诉前调解让邻里纠纷“化干戈为玉帛”", "法院·检察", "A01 版"})
    void ordinaryHeadlinesStayPlain(String text) {
        assertThat(YamlText.scalar(text)).isEqualTo(text);
    }
}
