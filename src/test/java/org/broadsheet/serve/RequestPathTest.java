package org.broadsheet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/|''|true",
            "/index.html|index.html|false",
            "/2025/12/12/|2025/12/12|true",
            "/2025/12/12|2025/12/12|false",
            "//2025//12/|2025/12|true",
            "/2025/12/12/04/%E6%99%AE%E6%B3%95.html|2025/12/12/04/普法.html|false",
            "/2025/12/12/04/普法.html|2025/12/12/04/普法.html|false",
            "/%252e%252e/etc/passwd|%2e%2e/etc/passwd|false",
            "/a..b/..c|a..b/..c|false"})
    void aPlainPathIsDecodedOnce(String raw, String relative, boolean folder) {
        assertThat(RequestPath.parse(raw)).contains(new RequestPath(relative, folder));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/2025/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2e%2e/x",
            "/.%2e/x", "/./index.html", "/..%5c..%5cetc/passwd", "/a\\b", "/a%00b", "/a%0ab", "/%7f", "/%zz",
            "/%e6%99", "/%", "/a%2", "/%c0%ae%c0%ae/etc/passwd", "relative", ""})
    void aPathNoPublishedFileCanHaveIsRefused(String raw) {
        assertThat(RequestPath.parse(raw)).as(raw).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void decodingReadsUtf8AndRefusesOverlongForms() {
        assertThat(RequestPath.decode("/%F0%AC%98%AD")).contains("/𬘭");
        assertThat(RequestPath.decode("/%C0%AF")).as("an overlong '/'").isEqualTo(Optional.empty());
    }
}
