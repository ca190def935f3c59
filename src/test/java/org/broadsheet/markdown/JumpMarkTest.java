package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The break mark survives rendering, and lines found in the rendered text lead back to the writer's. */
class JumpMarkTest {
    private static final String BODY = "第一段。\n<!-- 转版 -->\n第二段。\n\n第三段。\n";

    @Test
    void theMarkBecomesThePlaceholderAndThenTheMark() {
        String rendered = JumpMark.beforeRendering(BODY);
        assertThat(rendered.lines()).hasSize((int) BODY.lines().count() + 2);
        assertThat(JumpMark.afterRendering("<p>第一段。</p>\n<p>" + rendered.lines().toList().get(2) + "</p>\n"))
                .isEqualTo("<p>第一段。</p>\n" + JumpMark.MARK + "\n");
    }

    @Test
    void everyRenderedLineLeadsBackToItsSourceLine() {
        String rendered = JumpMark.beforeRendering(BODY);
        java.util.List<String> lines = rendered.lines().toList();
        java.util.List<String> source = BODY.lines().toList();
        for (int line = 1; line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            int back = JumpMark.sourceLine(BODY, line);
            if (text.startsWith("第")) {
                assertThat(source.get(back - 1)).as("rendered line %d", line).isEqualTo(text);
            } else {
                assertThat(back).as("rendered line %d, made from the mark", line).isIn(2, 4);
            }
        }
        assertThat(JumpMark.sourceLine("没有转版标记。\n", 7)).isEqualTo(7);
    }
}
