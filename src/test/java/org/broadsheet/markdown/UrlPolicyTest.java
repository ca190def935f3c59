package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/", "http://example.org/a:b", "mailto:x@example.org", "../02/",
            "photo.jpg", "普法小课堂.html", "#fn-1", "a/b:c", "?q=1:2", ""})
    void webMailAndRelativeUrlsAreAllowed(String url) {
        assertThat(UrlPolicy.isAllowed(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)",
            "java\nscript:x", "\u0001javascript:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd",
            "ftp://example.org/"})
    void everythingElseIsBlocked(String url) {
        assertThat(UrlPolicy.isAllowed(url)).isFalse();
        assertThat(UrlPolicy.filter(url)).isEqualTo(UrlPolicy.BLOCKED);
    }
}
