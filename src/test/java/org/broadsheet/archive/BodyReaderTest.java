package org.broadsheet.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodyReaderTest {
    @Test
    void aBodyInMemoryIsItsOwnTextAndToken() {
        Body body = Body.of("<p>鄂尔多斯讯</p>");
        assertThat(BodyReader.IN_MEMORY.html(body)).isEqualTo("<p>鄂尔多斯讯</p>");
        assertThat(body.token()).isEqualTo("<p>鄂尔多斯讯</p>");
    }

    @Test
    void theInMemoryReaderRefusesABodyKeptElsewhere() {
        Body onDisk = () -> "g1:0:24:7";
        assertThatThrownBy(() -> BodyReader.IN_MEMORY.html(onDisk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("g1:0:24:7");
    }
}
