package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.List;
import org.broadsheet.content.ArticleWriter;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.yaml.YamlText;

/**
 * The files of an imported page: {@code content/YYYY/MM/DD/NN/01.md}, {@code 02.md}, … in reading order, each
 * with the front matter {@code new} writes ({@link ArticleWriter#frontMatter}), and the page's {@code _page.yml}
 * with its number, section, editors and banners. Paths come from {@link ContentLayout}, so the build reads
 * exactly what is written here.
 */
public final class PageFiles {
    private PageFiles() {
    }

    /** The page's articles in reading order, then its {@code _page.yml}. */
    public static List<PlannedFile> of(ImportedPage page) {
        PageHeader header = page.header();
        List<PlannedFile> files = new ArrayList<>();
        int order = 0;
        for (Story story : page.stories()) {
            order++;
            String front = ArticleWriter.frontMatter(new ArticleWriter.Fields(story.title(), story.kicker(),
                    story.subtitle(), story.dateline(), story.bureau(), story.credit().authors(),
                    story.credit().source(), order));
            String body = String.join("\n\n", story.paragraphs().stream().map(MarkdownText::paragraph).toList());
            files.add(new PlannedFile(ContentLayout.articleFile(header.date(), header.number(),
                    ContentLayout.articleFileName(order)), front + body + (body.isEmpty() ? "" : "\n")));
        }
        files.add(new PlannedFile(ContentLayout.pageSettings(header.date(), header.number()), pageSettings(page)));
        return List.copyOf(files);
    }

    static String pageSettings(ImportedPage page) {
        PageHeader header = page.header();
        StringBuilder text = new StringBuilder("number: ").append(header.number()).append('\n');
        if (!header.section().isEmpty()) {
            text.append("section: ").append(YamlText.scalar(header.section())).append('\n');
        }
        if (!header.editors().isEmpty()) {
            text.append("editors:\n");
            for (PageHeader.Editor editor : header.editors()) {
                text.append("  ").append(YamlText.scalar(editor.role())).append(": ")
                        .append(YamlText.scalar(editor.name())).append('\n');
            }
        }
        if (!page.banners().isEmpty()) {
            text.append("banners:\n");
            page.banners().forEach(banner -> text.append("  - ").append(YamlText.scalar(banner)).append('\n'));
        }
        return text.toString();
    }
}
