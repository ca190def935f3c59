package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringBuilderWriterTest {
    @Test
    void everyWayOfWritingEndsUpInTheText() {
        StringBuilderWriter out = new StringBuilderWriter(4);

        out.write("<h1>");
        out.write("北疆法治报".toCharArray(), 2, 3);
        out.write('｜');
        out.write("包头讯 记者", 4, 2);
        out.append("第06版").append("政法时空", 2, 4).append('。');
        out.flush();
        out.close();

        assertThat(out).hasToString("<h1>法治报｜记者第06版时空。");
    }
}
