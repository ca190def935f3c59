package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer's bytes are the JDK's UTF-8 encoding of everything written, however the text was cut up. */
class Utf8WriterTest {
    private static Utf8Writer writer(int capacity) {
        return new Utf8Writer(capacity, Integer.MAX_VALUE, () -> {
        });
    }

    @Test
    void everyWayOfWritingEndsUpInTheBytes() {
        Utf8Writer out = writer(4);

        out.write("<h1>");
        out.write("北疆法治报".toCharArray(), 2, 3);
        out.write('｜');
        out.write("包头讯 记者", 4, 2);
        out.append("第06版").append("政法时空", 2, 4).append('。').append(null);
        out.flush();
        out.close();

        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("<h1>法治报｜记者第06版时空。null");
    }

    /**
     * Texts of every kind of char (ASCII, two- and three-byte chars, pairs, lone halves of pairs) cut into
     * random writes, a pair often split between two: the bytes are {@code getBytes(UTF_8)} of the whole.
     */
    @Test
    void matchesTheJdkOnRandomTextsCutAnywhere() {
        Random random = new Random(11);
        char[] kinds = {'a', '<', '\u00e9', '\u07ff', '\u0800', '法', '\uffff', '\ud842', '\udfb7', '\ud83d', '\ude00'};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? kinds[random.nextInt(kinds.length)]
                        : (char) random.nextInt(0x10000));
            }
            Utf8Writer out = writer(1 + random.nextInt(8));
            int at = 0;
            while (at < text.length()) {
                int cut = Math.min(text.length(), at + 1 + random.nextInt(6));
                switch (random.nextInt(3)) {
                    case 0 -> out.write(text.substring(at, cut));
                    case 1 -> out.write(text.toString().toCharArray(), at, cut - at);
                    default -> {
                        for (int i = at; i < cut; i++) {
                            out.write(text.charAt(i));
                        }
                    }
                }
                at = cut;
            }
            assertThat(out.toByteArray()).as(text.toString())
                    .isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aResetWriterStartsAnew() {
        Utf8Writer out = new Utf8Writer(4, 6, () -> {
        });
        out.write("第06版\ud842");
        out.reset();
        out.write("\udfb7政法");
        assertThat(out.toByteArray()).as("no bytes, chars or half pair carried over")
                .isEqualTo("?政法".getBytes(StandardCharsets.UTF_8));
        out.reset();
        out.write("包头讯记者");
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("包头讯记者");
    }

    @Test
    void stopsAtItsLimitOfChars() {
        Utf8Writer out = new Utf8Writer(16, 5, () -> {
        });
        out.write("法治报");
        out.write("包头");
        assertThatThrownBy(() -> out.write("讯")).isInstanceOf(StringBuilderWriter.Overflow.class);
    }
}
