package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bylines name reporters or a supplier; other parentheses are not bylines. */
class CreditReaderTest {
    @Test
    void reportersOnALineOfTheirOwn() {
        assertThat(CreditReader.ownLine("（张某）")).contains(new Credit(List.of("张某"), ""));
        assertThat(CreditReader.ownLine("（张某 李某）")).contains(new Credit(List.of("张某", "李某"), ""));
        assertThat(CreditReader.ownLine("（孙某\u3000吴某）")).contains(new Credit(List.of("孙某", "吴某"), ""));
        assertThat(CreditReader.ownLine("（本报记者 张某 通讯员 李某）"))
                .contains(new Credit(List.of("张某", "李某"), ""));
        assertThat(CreditReader.ownLine("（乌云·其其格）")).contains(new Credit(List.of("乌云·其其格"), ""));
    }

    @Test
    void aSupplierWithoutTheWord供稿() {
        assertThat(CreditReader.ownLine("（某某旗人民法院供稿）")).contains(new Credit(List.of(), "某某旗人民法院"));
    }

    @Test
    void aBylineClosingTheLastParagraph() {
        assertThat(CreditReader.trailing("邻里之间又恢复了往日的和睦。（赵某）"))
                .contains(new CreditReader.Trailing("邻里之间又恢复了往日的和睦。", new Credit(List.of("赵某"), "")));
        assertThat(CreditReader.trailing("李某（化名）说，他很满意")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"（化名）", "（完）", "（本案当事人均为化名）", "（记者）", "（供稿）", "（2025）",
        "（张某说这是一个很长的句子）"})
    void otherParenthesesAreNotBylines(String line) {
        assertThat(CreditReader.ownLine(line)).isEmpty();
    }
}
