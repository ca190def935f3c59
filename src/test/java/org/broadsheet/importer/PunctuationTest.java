package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Half-width punctuation in Chinese text becomes full-width; ASCII keeps its own. */
class PunctuationTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "责任编辑:钱某 制版编辑:乌某|责任编辑：钱某 制版编辑：乌某",
        "近日,法院开庭;当事人到庭?是的!|近日，法院开庭；当事人到庭？是的！",
        "(张某 李某)|（张某 李某）",
        "案号为(2025)蒙0724刑初12号|案号为（2025）蒙0724刑初12号",
        "上午10:30开庭|上午10:30开庭",
        "金额1,000元|金额1,000元",
        "访问 https://example.org/a 查看|访问 https://example.org/a 查看",
        "使用 Java (JDK 17) 编写|使用 Java (JDK 17) 编写",
        "当场履行欠款１２万元|当场履行欠款12万元",
        "ＡＢＣ公司|ABC公司",
        "（张某)|（张某）",
        "(张某|（张某"})
    void evensOutWidths(String printed, String expected) {
        assertThat(Punctuation.normalise(printed)).isEqualTo(expected);
    }
}
