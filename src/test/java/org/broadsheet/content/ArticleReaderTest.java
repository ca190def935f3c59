package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.broadsheet.SmallStack;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One article file: decoded, front matter typed, and checked against the folder it sits in. */
class ArticleReaderTest {
    private static final LocalDate DAY = LocalDate.of(2025, 12, 12);
    private static final int PAGE = 4;

    private static Path file(String name) {
        return Path.of("content/2025/12/12/04").resolve(name);
    }

    private static ArticleReader.Result read(String name, String text) {
        return ArticleReader.read(file(name), text.getBytes(StandardCharsets.UTF_8), DAY, PAGE, 2);
    }

    private static ArticleSource article(String name, String text) {
        ArticleReader.Result result = read(name, text);
        assertThat(result.problems()).as("problems of %s", name).filteredOn(Problem::isError).isEmpty();
        return result.article().orElseThrow();
    }

    private static List<Problem> errors(String name, String text) {
        ArticleReader.Result result = read(name, text);
        assertThat(result.article()).as("an article with errors is not handed on").isEmpty();
        return result.problems().stream().filter(Problem::isError).toList();
    }

    @Test
    void readsAFullArticle() {
        ArticleSource article = article("01.md", """
                ---
                title: 包头中院发布劳动争议典型案例
                kicker: 以案释法
                subtitle: 涉及新就业形态劳动者权益保护
                dateline: 达茂旗讯
                bureau: 包头市
                authors: [周敏, " 王𬘭 ", ""]
                source: 包头市中级人民法院
                tags: [劳动争议, 典型案例]
                order: 1
                date: 2025-12-12
                page: 4
                continues: 8
                area: [0, 10.5, 50, 30]
                aliases: [/old/1.html]
                extra:
                  栏目: 以案释法
                ---
                近日，包头市中级人民法院召开新闻发布会。
                """);

        FrontMatter front = article.front();
        assertThat(article.file()).isEqualTo(file("01.md"));
        assertThat(article.date()).isEqualTo(DAY);
        assertThat(article.page()).isEqualTo(PAGE);
        assertThat(article.position()).isEqualTo(2);
        assertThat(article.slug()).isEqualTo("01");
        assertThat(article.body()).isEqualTo("近日，包头市中级人民法院召开新闻发布会。\n");
        assertThat(article.bodyFirstLine()).isEqualTo(19);
        assertThat(front.title()).isEqualTo("包头中院发布劳动争议典型案例");
        assertThat(front.kicker()).isEqualTo("以案释法");
        assertThat(front.dateline()).isEqualTo("达茂旗讯");
        assertThat(front.bureau()).isEqualTo("包头市");
        assertThat(front.authors()).containsExactly("周敏", "王𬘭");
        assertThat(front.tags()).containsExactly("劳动争议", "典型案例");
        assertThat(front.order()).isEqualTo(OptionalInt.of(1));
        assertThat(front.continues()).isEqualTo(OptionalInt.of(8));
        assertThat(front.area()).containsExactly(0.0, 10.5, 50.0, 30.0);
        assertThat(front.extra()).isEqualTo(Map.of("栏目", "以案释法"));
        assertThat(front.draft()).isFalse();
        assertThat(front.withdrawn()).isFalse();
        assertThat(front.lineOf("dateline")).as("file line of the key, for later messages").isEqualTo(5);
        assertThat(front.lineOf("slug")).isZero();
    }

    @Test
    void anAreaReachingPastTheScansEdgeIsAnErrorOnItsLine() {
        List<Problem> found = errors("01.md", "---\ntitle: 越界的热区\narea: [60, 10, 50, 30]\n---\n正文。\n");

        assertThat(found).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("outside the page image");
        });
        assertThat(read("02.md", "---\ntitle: 刚好到边\narea: [50, 70, 50, 30]\n---\n正文。\n").problems()).isEmpty();
    }

    @Test
    void dateMismatchIsReportedOnTheDateLine() {
        List<Problem> errors = errors("01.md", "---\ntitle: 标题\nkicker: 引题\ndate: 2025-12-11\n---\n正文\n");

        assertThat(errors).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo(1);
            assertThat(problem.message()).isEqualTo("date 2025-12-11 does not match the folder's date 2025-12-12");
        });
    }

    @Test
    void pageMismatchIsReportedOnThePageLineWithTheFolderToMoveTo() {
        List<Problem> errors = errors("01.md", "---\ntitle: 标题\npage: 3\n---\n正文\n");

        assertThat(errors).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).isEqualTo("page 3 does not match the folder's page 4");
            assertThat(problem.hint()).contains("page folder 03");
        });
    }

    @Test
    void continuingOntoItsOwnPageIsAnError() {
        assertThat(errors("01.md", "---\ntitle: 标题\ncontinues: 4\n---\n")).singleElement()
                .extracting(Problem::line).isEqualTo(3);
    }

    @Test
    void unknownKeyIsAnErrorWithAHint() {
        List<Problem> errors = errors("01.md", "---\ntitle: 标题\nauthor: 张三\n---\n正文\n");

        assertThat(errors).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).isEqualTo("unknown key 'author' in article front matter");
            assertThat(problem.hint()).isEqualTo("did you mean 'authors'?");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"---\nkicker: 只有引题\n---\n正文\n", "---\ntitle: \"  \"\n---\n", "---\n---\n正文\n"})
    void missingTitleIsAnError(String text) {
        assertThat(errors("01.md", text)).extracting(Problem::message).containsExactly("article needs a title");
    }

    @Test
    void withoutFrontMatterTheHintSaysHowToStartOrClose() {
        assertThat(errors("01.md", "正文\n")).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.hint()).startsWith("start the file with a line ---");
        });
        assertThat(errors("01.md", "---\ntitle: 标题\n正文\n")).singleElement()
                .extracting(Problem::hint).isEqualTo("close the front matter with a line holding only ---");
    }

    @Test
    void chineseFileNameBecomesTheSlug() {
        assertThat(article("普法小课堂.md", "---\ntitle: 普法小课堂\n---\n").slug()).isEqualTo("普法小课堂");
        assertThat(article("𠀀𬘭-2025.md", "---\ntitle: 生僻字\n---\n").slug()).isEqualTo("𠀀𬘭-2025");
    }

    @Test
    void slugInFrontMatterWinsOverTheFileName() {
        assertThat(article("01.md", "---\ntitle: 宪法宣传周\nslug: xianfa-xuanchuan-zhou\n---\n").slug())
                .isEqualTo("xianfa-xuanchuan-zhou");
    }

    @ParameterizedTest
    @ValueSource(strings = {"普法 小课堂", "普法\u3000小课堂", "a#b", "50%", "问?答", ".hidden", "-dash", "index"})
    void badFileNameIsAWholeFileError(String stem) {
        List<Problem> errors = errors(stem + ".md", "---\ntitle: 标题\n---\n");

        assertThat(errors).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isZero();
            assertThat(problem.message()).startsWith("file name: slug");
            assertThat(problem.hint()).contains("slug:");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a/b\"", "\"..\"", "'普法:课堂'", "\"tab\\there\""})
    void badSlugInFrontMatterIsReportedOnItsLine(String slug) {
        List<Problem> errors = errors("01.md", "---\ntitle: 标题\nslug: " + slug + "\n---\n");

        assertThat(errors).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("slug ");
        });
    }

    @Test
    void draftAndWithdrawnFlagsAreRead() {
        assertThat(article("01.md", "---\ntitle: 草稿\ndraft: true\n---\n").front().draft()).isTrue();
        assertThat(article("02.md", "---\ntitle: 撤稿\nwithdrawn: true\n---\n").front().withdrawn()).isTrue();
    }

    @Test
    void aYesDraftFlagIsAnErrorNotASilentTrue() {
        assertThat(errors("01.md", "---\ntitle: 草稿\ndraft: yes\n---\n")).singleElement()
                .extracting(Problem::message).isEqualTo("'draft' must be true or false");
    }

    @Test
    void surrogatePairTitlesSurviveIntact() {
        ArticleSource article = article("01.md", "---\ntitle: \"  𬘭𠀀：生僻字入法  \"\nkicker: 𠀀\n---\n");

        assertThat(article.front().title()).isEqualTo("𬘭𠀀：生僻字入法");
        assertThat(article.front().title().codePointCount(0, article.front().title().length())).isEqualTo(8);
    }

    @Test
    void crlfFileReadsLikeLfAndKeepsLineNumbers() {
        List<Problem> errors = errors("01.md", "---\r\ntitle: 标题\r\npage: 5\r\n---\r\n");

        assertThat(errors).singleElement().extracting(Problem::line).isEqualTo(3);
    }

    @Test
    void gbkFileIsRefusedBeforeAnythingElse() {
        byte[] gbk = "---\ntitle: 北疆法治报\n---\n".getBytes(Charset.forName("GBK"));

        ArticleReader.Result result = ArticleReader.read(file("01.md"), gbk, DAY, PAGE, 1);

        assertThat(result.article()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.hint()).contains("GB18030");
        });
    }

    @Test
    void yamlErrorsAreReportedWithFileLines() {
        List<Problem> errors = errors("01.md", "---\ntitle: 标题\ntitle: 又一个\n---\n");

        assertThat(errors).singleElement().extracting(Problem::line, Problem::message)
                .containsExactly(3, "duplicate key 'title' (first on line 2)");
    }

    /** Once a StackOverflowError that failed the whole build (exit 4); now that article's located error. */
    @ParameterizedTest
    @ValueSource(strings = {"extra: [[[…]]]", "extra:, then - - - …"})
    void frontMatterNestedTenThousandDeepIsThatArticlesErrorOnASmallStack(String shape) {
        String deep = shape.startsWith("extra: [") ? " " + "[".repeat(10_000) + "]".repeat(10_000)
                : "\n" + "- ".repeat(10_000) + "x";
        String text = "---\ntitle: 标题\nextra:" + deep + "\n---\n正文\n";

        ArticleReader.Result result = SmallStack.call(() -> read("01.md", text));

        assertThat(result.article()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("YAML nested more than 32 levels deep");
            assertThat(problem.line()).as("file line of the 32nd '[' or '-'").isEqualTo(deep.startsWith(" ") ? 3 : 4);
            assertThat(problem.column()).isEqualTo(deep.startsWith(" ") ? 39 : 63);
        });
    }

    /**
     * Nineteen anchors of 30 levels, each holding the one before: shallow text within the alias limit, but
     * 570 levels deep once followed, which overflowed a small stack when the extra data was copied out.
     */
    @Test
    void extraDataNestedDeepThroughAliasesIsThatArticlesErrorOnASmallStack() {
        StringBuilder text = new StringBuilder("---\ntitle: 标题\nextra:\n  a0: &a0 " + "[".repeat(29) + "x"
                + "]".repeat(29) + "\n");
        for (int i = 1; i < 20; i++) {
            text.append("  a").append(i).append(": &a").append(i).append(' ').append("[".repeat(29))
                    .append("*a").append(i - 1).append("]".repeat(29)).append('\n');
        }
        text.append("---\n正文\n");

        ArticleReader.Result result = SmallStack.call(() -> read("01.md", text.toString()));

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("YAML nested more than 32 levels deep");
            assertThat(problem.line()).as("at the first alias, *a0").isEqualTo(5);
            assertThat(problem.column()).isEqualTo(40);
        });
    }

    @Test
    void windowsReservedFileNameIsRefusedAsASlug() {
        assertThat(errors("con.md", "---\ntitle: 标题\n---\n")).singleElement()
                .extracting(Problem::message).asString().startsWith("file name: slug");
    }
}
