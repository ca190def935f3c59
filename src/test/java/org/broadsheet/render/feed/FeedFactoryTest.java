package org.broadsheet.render.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedFactoryTest {
    @Test
    void relativeLinksAndImagesBecomeAbsolute() {
        String html = "<img src=\"photo.jpg\"><a href=\"../02/\">上一版</a><a href=\"#fn-1\">1</a>"
                + "<a href=\"https://example.com/x\">外</a><a href=\"mailto:a@b.c\">信</a>";
        assertThat(FeedFactory.absolutize(html, "https://example.org/archive/2025/12/12/01/a.html")).isEqualTo(
                "<img src=\"https://example.org/archive/2025/12/12/01/photo.jpg\">"
                        + "<a href=\"https://example.org/archive/2025/12/12/02/\">上一版</a>"
                        + "<a href=\"https://example.org/archive/2025/12/12/01/a.html#fn-1\">1</a>"
                        + "<a href=\"https://example.com/x\">外</a><a href=\"mailto:a@b.c\">信</a>");
    }
}
