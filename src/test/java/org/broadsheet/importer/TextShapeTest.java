package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shapes the importer reads lines by. */
class TextShapeTest {
    @Test
    void halvesOfABrokenParagraphCloseUpExceptBetweenAsciiWords() {
        assertThat(TextShape.join("达成调解协", "议，李某")).isEqualTo("达成调解协议，李某");
        assertThat(TextShape.join("依据 Civil", "Code 的规定")).isEqualTo("依据 Civil Code 的规定");
        assertThat(TextShape.join("涉案金额12", "万元")).isEqualTo("涉案金额12万元");
    }

    @Test
    void aSentenceEndsWithItsMarkEvenInsideQuotes() {
        assertThat(TextShape.endsClosed("他说：“依法办事。”")).isTrue();
        assertThat(TextShape.endsClosed("下列情形：")).isTrue();
        assertThat(TextShape.endsClosed("双方最终达成调解协")).isFalse();
        assertThat(TextShape.endsClosed("经过耐心释法说理，")).isFalse();
    }

    @Test
    void slogansAreShortPhrasesSeparatedBySpaces() {
        assertThat(TextShape.isSlogan("走进包头 看法治")).isTrue();
        assertThat(TextShape.isSlogan("学法 懂法 守法")).isTrue();
        assertThat(TextShape.isSlogan("流动法庭进牧区 调解纠纷到家门")).isFalse();
        assertThat(TextShape.isSlogan("某某区司法局")).isFalse();
    }
}
