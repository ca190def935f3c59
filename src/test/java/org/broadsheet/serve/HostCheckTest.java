package org.broadsheet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostCheckTest {
    private final HostCheck check = new HostCheck(8000);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "localhost.:8000", "[::1]:8000",
            "192.168.1.20:8000", "[fe80::1%25eth0]:8000"})
    void theServerByAddressOrAsLocalhostIsAllowed(String host) {
        assertThat(check.allows(host)).as(host).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8000", "evil.example", "127.0.0.1.evil.example:8000", "localhost:8001",
            "127.0.0.1", "localhost", "", " ", "127.0.0.1:8000@evil.example", "localhost:8000.evil.example"})
    void anyOtherNameOrPortIsRefused(String host) {
        assertThat(check.allows(host)).as(host).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aRequestWithoutHostIsRefused() {
        assertThat(check.allows(null)).isFalse();
        assertThat(new HostCheck(80).allows("localhost")).as("port 80 may be left out").isTrue();
    }
}
