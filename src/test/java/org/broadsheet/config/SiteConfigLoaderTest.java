package org.broadsheet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.broadsheet.SmallStack;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** site.yml: defaults for a Chinese regional daily, every key read, every mistake reported on its line. */
class SiteConfigLoaderTest {
    private static final Path FILE = Path.of("site.yml");

    private static SiteConfigLoader.Loaded parse(String yaml) {
        return SiteConfigLoader.parse(FILE, yaml);
    }

    private static SiteConfig config(String yaml) {
        SiteConfigLoader.Loaded loaded = parse(yaml);
        assertThat(loaded.problems()).filteredOn(Problem::isError).isEmpty();
        return loaded.config().orElseThrow();
    }

    /** The single error of a site.yml that must fail the build. */
    private static Problem errorOf(String yaml) {
        SiteConfigLoader.Loaded loaded = parse(yaml);
        List<Problem> errors = loaded.problems().stream().filter(Problem::isError).toList();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void onlyATitleGivesTheDefaultsAndABaseUrlWarning() {
        SiteConfigLoader.Loaded loaded = parse("title: 北疆法治报\n");
        SiteConfig config = loaded.config().orElseThrow();

        assertThat(config.title()).isEqualTo("北疆法治报");
        assertThat(config.baseUrl()).isEqualTo(URI.create("http://localhost/"));
        assertThat(config.language()).isEqualTo("zh-CN");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.theme()).isEqualTo("default");
        assertThat(config.markdown()).isEqualTo(new SiteConfig.Markdown(EngineName.COMMONMARK, HtmlPolicy.STRIP));
        assertThat(config.paginate()).isEqualTo(50);
        assertThat(config.feeds().limit()).isEqualTo(20);
        assertThat(config.search().enabled()).isTrue();
        assertThat(config.bureaus()).isEmpty();
        assertThat(config.footer()).isEqualTo(new SiteConfig.Footer("", "", "", ""));
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.message()).startsWith("no baseUrl");
        });
    }

    @Test
    void readsEveryKey() {
        SiteConfigLoader.Loaded loaded = parse("""
                title: 北疆法治报 Beijiang Legal Daily
                baseUrl: https://example.org/archive
                language: zh-Hans-CN
                timeZone: Asia/Urumqi
                theme: broadsheet_2
                markdown:
                  engine: commonmark
                  html: ESCAPE
                paginate: 30
                feeds:
                  limit: 7
                search:
                  enabled: false
                bureaus:
                  - name: 满洲里市
                    slug: manzhouli
                    datelines: [满洲里, 扎赉诺尔]
                  - name: 包头市
                    datelines: 百灵庙
                footer:
                  copyright: © 2025 北疆法治报社
                  icp: 蒙ICP备00000000号
                  icpLink: https://beian.miit.gov.cn/#/
                  note: 𠀀 示例
                """);

        assertThat(loaded.problems()).isEmpty();
        SiteConfig config = loaded.config().orElseThrow();
        assertThat(config.title()).isEqualTo("北疆法治报 Beijiang Legal Daily");
        assertThat(config.baseUrl()).isEqualTo(URI.create("https://example.org/archive/"));
        assertThat(config.language()).isEqualTo("zh-Hans-CN");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(config.theme()).isEqualTo("broadsheet_2");
        assertThat(config.markdown()).isEqualTo(new SiteConfig.Markdown(EngineName.COMMONMARK, HtmlPolicy.ESCAPE));
        assertThat(config.paginate()).isEqualTo(30);
        assertThat(config.feeds().limit()).isEqualTo(7);
        assertThat(config.search().enabled()).isFalse();
        assertThat(config.bureaus()).containsExactly(
                new SiteConfig.BureauSetting("满洲里市", "manzhouli", List.of("满洲里", "扎赉诺尔")),
                new SiteConfig.BureauSetting("包头市", "", List.of("百灵庙")));
        assertThat(config.footer()).isEqualTo(new SiteConfig.Footer("© 2025 北疆法治报社", "蒙ICP备00000000号",
                "https://beian.miit.gov.cn/#/", "𠀀 示例"));
    }

    @Test
    void withErrorsTheReadableRestIsStillReturnedSoEveryProblemCanBeReported() {
        SiteConfigLoader.Loaded loaded = parse("title: 北疆法治报\nbaseUrl: https://example.org/\npaginate: 五十\n"
                + "timeZone: Asia/Beijing\nmarkdown:\n  engine: markdown-it\n  html: escape\n");

        assertThat(loaded.problems()).filteredOn(Problem::isError).extracting(Problem::line).containsExactlyInAnyOrder(3, 4, 6);
        SiteConfig config = loaded.config().orElseThrow();
        assertThat(config.title()).isEqualTo("北疆法治报");
        assertThat(config.paginate()).as("default in place of the bad value").isEqualTo(50);
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.markdown()).isEqualTo(new SiteConfig.Markdown(EngineName.COMMONMARK, HtmlPolicy.ESCAPE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"title: [北疆法治报\n", "- title: 北疆法治报\n"})
    void siteYmlThatIsNotAYamlMappingGivesNoConfig(String yaml) {
        SiteConfigLoader.Loaded loaded = parse(yaml);

        assertThat(loaded.config()).isEmpty();
        assertThat(loaded.problems()).singleElement().extracting(Problem::isError).isEqualTo(true);
    }

    @Test
    void footerWithoutIcpLinkPointsAtTheMiitRegister() {
        assertThat(config("title: 报\nbaseUrl: https://a.cn/\nfooter:\n  icp: 蒙ICP备1号\n").footer().icpLink())
                .isEqualTo("https://beian.miit.gov.cn/");
    }

    @Test
    void unknownTopLevelKeyIsAnErrorOnItsLineWithADidYouMeanHint() {
        Problem problem = errorOf("title: 北疆法治报\nbaseUrl: https://example.org/\npaginte: 20\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.message()).isEqualTo("unknown key 'paginte' in site.yml");
        assertThat(problem.hint()).isEqualTo("did you mean 'paginate'?");
        assertThat(problem.format()).isEqualTo(
                "site.yml:3:1: error: unknown key 'paginte' in site.yml (did you mean 'paginate'?)");
    }

    @Test
    void unknownKeyInsideASectionIsFoundToo() {
        Problem problem = errorOf("title: 报\nbaseUrl: https://a.cn/\nfooter:\n  copyright: ©\n  ipc: 蒙ICP备1号\n");

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.hint()).isEqualTo("did you mean 'icp'?");
    }

    @Test
    void missingTitleIsAnError() {
        assertThat(errorOf("baseUrl: https://example.org/\ntitle: \"  \"\n").message())
                .isEqualTo("site.yml needs a title");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "paginate: 五十|4|'paginate' must be a whole number from 1 to 1000",
        "paginate: 0|4|'paginate' must be a whole number from 1 to 1000",
        "paginate: 1001|4|'paginate' must be a whole number from 1 to 1000",
        "paginate: 99999999999999999999999|4|'paginate' must be a whole number from 1 to 1000",
        "search:\\n  enabled: yes|5|'enabled' must be true or false",
        "feeds:\\n  limit: 0|5|'limit' must be a whole number from 1 to 1000",
        "feeds:\\n  limit: 12345678901|5|'limit' must be a whole number from 1 to 1000",
        "bureaus: 包头市|4|'bureaus' must be a list",
        "bureaus:\\n  - 包头市|5|'bureaus' must be a list of mappings",
        "bureaus:\\n  - name: 包头市\\n    slug: BaoTou|6|bureau slug 'BaoTou' must be lower-case ASCII letters, digits, '-'",
        "bureaus:\\n  - slug: manzhouli|5|a bureau needs a name",
        "markdown: flexmark|4|'markdown' must be keys and values",
        "theme: ../themes/default|4|theme must be a folder name under themes/",
        "title2: x|4|unknown key 'title2' in site.yml"})
    void wrongTypesAndRangesAreReportedOnTheirLine(String entry, int line, String message) {
        Problem problem = errorOf("title: 北疆法治报\nbaseUrl: https://example.org/\nlanguage: zh-CN\n"
                + entry.replace("\\n", "\n") + "\n");

        assertThat(problem.message()).isEqualTo(message);
        assertThat(problem.line()).isEqualTo(line);
    }

    /** Issue 18: the duplicate once hid every other mistake of the file. */
    @Test
    void aDuplicateKeyIsReportedWithTheFilesOtherMistakes() {
        SiteConfigLoader.Loaded loaded = parse("title: 北疆法治报\nbaseUrl: https://example.org/\ntitle: 北疆\n"
                + "paginate: abc\nfeeds:\n  limit: 0\n");

        assertThat(loaded.problems()).filteredOn(Problem::isError).extracting(Problem::line, Problem::message)
                .containsExactly(
                        tuple(3, "duplicate key 'title' (first on line 1)"),
                        tuple(4, "'paginate' must be a whole number from 1 to 1000"),
                        tuple(6, "'limit' must be a whole number from 1 to 1000"));
        assertThat(loaded.config().orElseThrow().title()).as("the first title is read").isEqualTo("北疆法治报");
    }

    /** Once a StackOverflowError (exit 4, "internal error"); now a located error, whatever the stack. */
    @Test
    void siteYmlNestedTenThousandDeepIsALocatedErrorOnASmallStack() {
        String yaml = "title: 北疆法治报\nbaseUrl: https://example.org/\nfooter:\n  note: "
                + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        SiteConfigLoader.Loaded loaded = SmallStack.call(() -> parse(yaml));

        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.format()).isEqualTo(
                    "site.yml:4:39: error: YAML nested more than 32 levels deep (flatten the structure)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/", "example.org/archive", "https://example.org/?page=1",
        "https://example.org/#top", "https:///archive", "//example.org/", "https://exa mple.org/"})
    void badBaseUrlIsAnErrorOnItsLine(String url) {
        Problem problem = errorOf("title: 北疆法治报\nbaseUrl: \"" + url + "\"\n");

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).isEqualTo("baseUrl must be a full http(s) URL without query");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Beijing", "CTT", "北京时间", "UTC+25"})
    void unknownTimeZoneIsAnErrorNamingIt(String zone) {
        Problem problem = errorOf("title: 报\nbaseUrl: https://a.cn/\ntimeZone: " + zone + "\n");

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).isEqualTo("unknown time zone '" + zone + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "engine: markdown-it|unknown Markdown engine 'markdown-it'|use flexmark or commonmark",
        "html: sanitize|unknown html policy 'sanitize'|use strip, escape or allow",
        "engin: flexmark|unknown key 'engin' in markdown|did you mean 'engine'?"})
    void badMarkdownSettingsAreErrorsOnTheirLine(String entry, String message, String hint) {
        Problem problem = errorOf("title: 报\nbaseUrl: https://a.cn/\nmarkdown:\n  " + entry + "\n");

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.message()).isEqualTo(message);
        assertThat(problem.hint()).isEqualTo(hint);
    }

    @ParameterizedTest
    @CsvSource({
        "https://example.org/archive, https://example.org/archive/",
        "https://example.org, https://example.org/",
        "https://example.org/archive/, https://example.org/archive/",
        "HTTPS://example.org/a/b, https://example.org/a/b/",
        "'  http://localhost:8080/报纸  ', http://localhost:8080/报纸/",
        "https://example.org/%E6%8A%A5, https://example.org/%E6%8A%A5/"})
    void parseBaseUrlAddsTheTrailingSlash(String text, String expected) {
        assertThat(SiteConfigLoader.parseBaseUrl(text)).contains(URI.create(expected));
    }

    @Test
    void loadReadsTheFileFromTheSiteFolder(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("site.yml"), "\uFEFFtitle: 北疆法治报\r\nbaseUrl: https://example.org/\r\n");

        SiteConfigLoader.Loaded loaded = SiteConfigLoader.load(site);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.config()).get().extracting(SiteConfig::title).isEqualTo("北疆法治报");
    }

    @Test
    void loadWithoutSiteYmlSaysWhereItLooked(@TempDir Path site) {
        SiteConfigLoader.Loaded loaded = SiteConfigLoader.load(site);

        assertThat(loaded.config()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("no site.yml in ");
            assertThat(problem.hint()).contains("--site");
        });
    }
}
