package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.broadsheet.archive.Body;
import org.junit.jupiter.api.Test;

class DisplayChunksTest {
    private static SearchDoc at(LocalDate date, String href) {
        return new SearchDoc("标题", "", "", Body.of(""), date, href, "第01版", -1);
    }

    @Test
    void anAddressInItsDaysFolderIsWrittenFromThereAndAnyOtherFromTheRoot() {
        List<SearchDoc> docs = List.of(
                at(LocalDate.of(2016, 3, 5), "2016/03/05/02/01.html"),
                at(LocalDate.of(2016, 3, 5), "2016/03/06/02/01.html"),
                at(LocalDate.of(2016, 12, 25), "2016/12/25/10/slug.html"),
                at(LocalDate.of(987, 1, 9), "0987/01/09/01/01.html"),
                at(LocalDate.of(12016, 1, 9), "12016/01/09/01/01.html"),
                at(LocalDate.of(12016, 1, 9), "+12016/01/09/01/01.html"),
                at(LocalDate.of(1, 1, 1), "pages/about.html"));
        assertThat(DisplayChunks.write(docs, 10)).containsExactly("{\"d\":[\n"
                + "[\"标题\",\"02/01.html\",\"第01版\"],\n"
                + "[\"标题\",\"/2016/03/06/02/01.html\",\"第01版\"],\n"
                + "[\"标题\",\"10/slug.html\",\"第01版\"],\n"
                + "[\"标题\",\"01/01.html\",\"第01版\"],\n"
                + "[\"标题\",\"01/01.html\",\"第01版\"],\n"
                + "[\"标题\",\"/+12016/01/09/01/01.html\",\"第01版\"],\n"
                + "[\"标题\",\"/pages/about.html\",\"第01版\"]]}\n");
    }
}
