package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.broadsheet.TestSites;
import org.broadsheet.config.Gazetteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ArticleWriter} on hand-made page folders. */
class ArticleWriterTest {
    private static final LocalDate DAY = LocalDate.of(2025, 12, 12);

    @TempDir
    Path site;

    private final ArticleWriter writer = new ArticleWriter(Gazetteer.of(List.of()));

    @Test
    void theNextNumberFollowsTheHighestNumberedArticleAndIgnoresOtherNames() throws IOException {
        Path page = site.resolve(ContentLayout.pageFolder(DAY, 6));
        for (String name : List.of("01.md", "07.md", "普法小课堂.md", "1.md", "00.md", "09.jpg", ".10.md.swp")) {
            TestSites.write(page.resolve(name), "");
        }

        assertThat(ArticleWriter.nextNumber(page)).isEqualTo(8);
        assertThat(ArticleWriter.nextNumber(site.resolve("nowhere"))).isEqualTo(1);
    }

    @Test
    void anExistingPageWithoutSettingsGetsNoneUnlessASectionIsGiven() throws IOException {
        Path page = Files.createDirectories(site.resolve(ContentLayout.pageFolder(DAY, 6)));

        ArticleWriter.Result plain = writer.write(site, new ArticleWriter.Request(DAY, 6, "甲", "", ""));
        ArticleWriter.Result named = writer.write(site, new ArticleWriter.Request(DAY, 6, "乙", "", "政法时空"));

        assertThat(plain.written()).containsExactly(ContentLayout.articleFile(DAY, 6, "01.md"));
        assertThat(named.written()).containsExactly(ContentLayout.articleFile(DAY, 6, "02.md"),
                ContentLayout.pageSettings(DAY, 6));
        assertThat(TestSites.read(page.resolve("_page.yml"))).isEqualTo("number: 6\nsection: 政法时空\n");
        assertThat(TestSites.files(page)).containsExactly("01.md", "02.md", "_page.yml");
    }

    @Test
    void writesTheFrontMatterTheReaderExpects() {
        String text = ArticleWriter.frontMatter(new ArticleWriter.Request(DAY, 6, "草原上的流动法庭", "那吉讯", ""),
                Gazetteer.of(List.of()).byDateline("那吉讯"), 3);

        assertThat(text).isEqualTo("---\ntitle: 草原上的流动法庭\ndateline: 那吉讯\nbureau: 呼伦贝尔市\nauthors: []\n"
                + "order: 3\n---\n");
    }
}
