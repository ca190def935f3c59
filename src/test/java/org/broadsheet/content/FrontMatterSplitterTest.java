package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only a '---' on the first line opens front matter, and only the next '---' or '...' line closes it. */
class FrontMatterSplitterTest {

    private static FrontMatterSplitter.Split split(String text) {
        Optional<FrontMatterSplitter.Split> split = FrontMatterSplitter.split(text);
        assertThat(split).as("front matter expected in:%n%s", text).isPresent();
        return split.get();
    }

    @Test
    void splitsYamlFromBodyAndCountsTheBodysFirstLine() {
        FrontMatterSplitter.Split split = split("---\ntitle: 包头中院发布典型案例\ndateline: 达茂旗讯\n---\n正文第一段。\n\n第二段。\n");

        assertThat(split.yaml()).isEqualTo("title: 包头中院发布典型案例\ndateline: 达茂旗讯\n");
        assertThat(split.body()).isEqualTo("正文第一段。\n\n第二段。\n");
        assertThat(split.bodyFirstLine()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "title: 没有围栏\n---\n正文\n",
        "\n---\ntitle: 空行在前\n---\n",
        " ---\ntitle: 缩进\n---\n",
        "----\ntitle: 四个横线\n----\n",
        "--- \ntitle: 开头带空格\n---\n",
        "\uFEFF---\ntitle: BOM 未去除\n---\n",
        ""})
    void withoutAnOpeningFenceOnTheFirstLineThereIsNoFrontMatter(String text) {
        assertThat(FrontMatterSplitter.split(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"---\ntitle: 未闭合\n正文\n", "---", "---\n", "---\ntitle: 标题", "---\ntitle: x\n ---\n正文\n"})
    void withoutAClosingFenceThereIsNoFrontMatter(String text) {
        assertThat(FrontMatterSplitter.split(text)).isEmpty();
    }

    @Test
    void threeDotsCloseTheFrontMatterToo() {
        FrontMatterSplitter.Split split = split("---\ntitle: 𬘭𠀀\n...\n正文\n");

        assertThat(split.yaml()).isEqualTo("title: 𬘭𠀀\n");
        assertThat(split.body()).isEqualTo("正文\n");
        assertThat(split.bodyFirstLine()).isEqualTo(4);
    }

    @Test
    void aClosingFenceMayHaveTrailingSpaces() {
        assertThat(split("---\ntitle: 标题\n---  \t\n正文").body()).isEqualTo("正文");
    }

    @Test
    void thematicBreaksInTheBodyStayInTheBody() {
        FrontMatterSplitter.Split split = split("---\ntitle: 标题\n---\n第一部分\n\n---\n\n第二部分\n---\n");

        assertThat(split.yaml()).isEqualTo("title: 标题\n");
        assertThat(split.body()).isEqualTo("第一部分\n\n---\n\n第二部分\n---\n");
        assertThat(split.bodyFirstLine()).isEqualTo(4);
    }

    @Test
    void emptyFrontMatterIsAllowed() {
        FrontMatterSplitter.Split split = split("---\n---\n正文\n");

        assertThat(split.yaml()).isEmpty();
        assertThat(split.body()).isEqualTo("正文\n");
        assertThat(split.bodyFirstLine()).isEqualTo(3);
    }

    @Test
    void frontMatterAtTheEndOfTheFileLeavesAnEmptyBody() {
        FrontMatterSplitter.Split split = split("---\ntitle: 只有标题\n---");

        assertThat(split.body()).isEmpty();
        assertThat(split.bodyFirstLine()).isEqualTo(4);
        assertThat(split("---\n---").yaml()).isEmpty();
    }

    @Test
    void aYamlDocumentMarkerInsideTheFrontMatterIsTheCloser() {
        FrontMatterSplitter.Split split = split("---\na: 1\n---\nb: 2\n---\n");

        assertThat(split.yaml()).isEqualTo("a: 1\n");
        assertThat(split.body()).isEqualTo("b: 2\n---\n");
    }
}
