package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A relative path resolves from its page's folder as a browser resolves it, and never above the site. */
class LinkCheckTest {
    private static final String PAGE = "2025/12/12/03/";

    @Test
    void filesAndFoldersResolveFromThePagesFolder() {
        assertThat(LinkCheck.resolve(PAGE, "photo.jpg")).hasValue("2025/12/12/03/photo.jpg");
        assertThat(LinkCheck.resolve(PAGE, "img/照片.jpg")).hasValue("2025/12/12/03/img/照片.jpg");
        assertThat(LinkCheck.resolve(PAGE, "../02/01.md")).hasValue("2025/12/12/02/01.md");
        assertThat(LinkCheck.resolve(PAGE, "./a//b.pdf")).hasValue("2025/12/12/03/a/b.pdf");
        assertThat(LinkCheck.resolve(PAGE, "../01/")).hasValue("2025/12/12/01/");
        assertThat(LinkCheck.resolve(PAGE, "../01")).hasValue("2025/12/12/01");
        assertThat(LinkCheck.resolve(PAGE, ".")).hasValue("2025/12/12/03/");
        assertThat(LinkCheck.resolve(PAGE, "..")).hasValue("2025/12/12/");
        assertThat(LinkCheck.resolve("pages/", "about.html")).hasValue("pages/about.html");
    }

    @Test
    void theRootIsTheEmptyRouteAndNothingLiesAboveIt() {
        assertThat(LinkCheck.resolve(PAGE, "../../../../")).hasValue("");
        assertThat(LinkCheck.resolve(PAGE, "../../../../rss.xml")).hasValue("rss.xml");
        assertThat(LinkCheck.resolve(PAGE, "../../../../../x.pdf")).isEmpty();
        assertThat(LinkCheck.resolve(PAGE, "a/../../../../../../x.pdf")).isEmpty();
        assertThat(LinkCheck.resolve("pages/", "../../x.pdf")).isEmpty();
    }
}
