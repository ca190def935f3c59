package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A story's images in its NewsArticle: given its body's HTML, then absolute addresses. */
class StructuredDataImagesTest {
    private static final String STORY = "https://example.org/archive/2025/12/12/01/02.html";

    @Test
    void relativeImagesResolveAgainstTheStorysAddress() {
        assertThat(StructuredData.images("<figure><img src=\"xuanchuan.png\" alt=\"现场\"><figcaption>图</figcaption>"
                + "</figure><p><img src=\"../02/图片.jpg\" alt=\"\"></p>", STORY))
                .containsExactly("https://example.org/archive/2025/12/12/01/xuanchuan.png",
                        "https://example.org/archive/2025/12/12/02/%E5%9B%BE%E7%89%87.jpg");
    }

    @Test
    void remoteImagesStayRefusedOnesAndRepeatsGo() {
        assertThat(StructuredData.images("<img src=\"https://cdn.example.org/a.jpg?x=1&amp;y=2\" alt=\"\">"
                + "<img src=\"#\" alt=\"\"><img src=\"a.png\" alt=\"\"><img src=\"a.png\" alt=\"\">"
                + "<img src=\"bad path%zz\" alt=\"\">", STORY))
                .containsExactly("https://cdn.example.org/a.jpg?x=1&y=2",
                        "https://example.org/archive/2025/12/12/01/a.png");
    }

    @Test
    void aStoryWithoutPicturesHasNoImage() {
        assertThat(StructuredData.images("<p>正文，没有图片。</p>", STORY)).isEmpty();
    }
}
