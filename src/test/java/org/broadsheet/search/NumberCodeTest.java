package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberCodeTest {
    /** Every value up to past three chars, the edges of each length, and random longs. */
    private static List<Long> values() {
        List<Long> values = new ArrayList<>();
        for (long v = 0; v < 70_000; v++) {
            values.add(v);
        }
        for (int bits = 1; bits < 63; bits++) {
            values.add((1L << bits) - 1);
            values.add(1L << bits);
        }
        values.add((long) Integer.MAX_VALUE);
        values.add(Long.MAX_VALUE);
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong() >>> (1 + random.nextInt(63)));
        }
        return values;
    }

    @Test
    void theByteWriterWritesWhatTheTextWriterWritesAndTheReaderReadsItBack() {
        List<Long> values = values();
        StringBuilder text = new StringBuilder();
        byte[] bytes = new byte[values.size() * 13];
        int at = 0;
        for (long value : values) {
            int before = at;
            at = NumberCode.write(bytes, at, value);
            assertThat(at - before).as("length of %d", value).isEqualTo(NumberCode.length(value));
            NumberCode.append(text, value);
        }
        assertThat(new String(bytes, 0, at, StandardCharsets.US_ASCII)).isEqualTo(text.toString());
        NumberCode.Reader reader = new NumberCode.Reader(text.toString());
        for (long value : values) {
            assertThat(reader.next()).isEqualTo(value);
        }
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void aNumberIsOneCharWhenSmallAndTheTextNeedsNoSeparator() {
        StringBuilder text = new StringBuilder();
        NumberCode.append(text, 0);
        NumberCode.append(text, 31);
        NumberCode.append(text, 32);
        NumberCode.append(text, 1023);
        NumberCode.append(text, 1024);
        // The first 32 chars end a number (0-9, A-V), the other 32 carry its higher digits (W-Z, a-z, -, _).
        assertThat(text.toString()).isEqualTo("0" + "V" + "X0" + "_V" + "XW0").doesNotContain("\"", "\\");
        assertThatThrownBy(() -> NumberCode.append(new StringBuilder(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
