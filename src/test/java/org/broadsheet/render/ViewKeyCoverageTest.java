package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.Body;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.archive.Bureau;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.archive.Byline;
import org.broadsheet.archive.Editor;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.markdown.JumpMark;
import org.broadsheet.archive.StandalonePage;
import org.broadsheet.config.BureauEntry;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.config.HtmlPolicy;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.config.SiteConfigLoader;
import org.broadsheet.render.feed.Feed;
import org.broadsheet.render.feed.FeedFactory;
import org.broadsheet.render.feed.FeedWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages a rebuild keeps by hand-listed inputs ({@link ViewInputs}: {@code article}, {@code page},
 * {@code issue}, {@code bureau}, {@code feed}, and the issue group's {@code issueGroup}) must see their key change whenever what their template sees changes; otherwise an
 * edit leaves a stale page behind. Each single-field change of a small archive (every component of a story, a
 * printed page, an issue, a bureau, a standalone page and the site's settings) is applied, the archive is built
 * again around it, and every keyed page of the site is compared before and after: a view that changed (a feed:
 * its RSS, Atom and JSON text) while its key did not is a gap. Neighbours come for free, since every keyed page
 * is compared for every change.
 *
 * <p>Known gaps are listed in {@link #KNOWN_GAPS}, each with its reason; the test fails when a new gap appears
 * and when a listed one is closed (so that the list is kept true).
 */
class ViewKeyCoverageTest {
    /**
     * Changes whose effect on a page no key notices today, as the test reports them, each with its reason. Fix
     * the key and remove the entry; add one only with a comment saying why the gap is acceptable for now.
     */
    private static final Set<String> KNOWN_GAPS = Set.of();

    private static final Gazetteer GAZETTEER = Gazetteer.of(List.of());
    private static final Bureau BAOTOU = bureau("包头市");
    private static final Bureau HULUNBUIR = bureau("呼伦贝尔市");
    private static final Bureau ORDOS = bureau("鄂尔多斯市");
    private static final LocalDate NOV_28 = LocalDate.of(2025, 11, 28);
    private static final LocalDate DEC_10 = LocalDate.of(2025, 12, 10);
    private static final LocalDate DEC_11 = LocalDate.of(2025, 12, 11);

    /** Small lists and feeds, so that the archive has several bureau pages and feeds that leave stories out. */
    private static final SiteConfig CONFIG = SiteConfigLoader.parse(Path.of("site.yml"), """
            title: 北疆法治报
            baseUrl: https://example.org/archive/
            language: zh-CN
            timeZone: Asia/Shanghai
            paginate: 2
            feeds:
              limit: 4
            footer:
              copyright: © 2025 北疆法治报社
              icp: 蒙ICP备00000000号
              icpLink: https://beian.miit.gov.cn/
              note: 本站内容为示例
            """).config().orElseThrow();

    private static final Site BASE = new Site(CONFIG, List.of(
            new Issue(NOV_28, OptionalInt.of(5093), "", "", List.of(
                    page(NOV_28, 1, "", "要闻", List.of(new Editor("责任编辑", "钱虹")), List.of(),
                            story(NOV_28, 1, "dianxing-anli", "以案释法", "自治区高级人民法院发布年度十大典型案例", "",
                                    "本报讯", null, new Byline(List.of("张晓燕"), ""), List.of("典型案例")),
                            story(NOV_28, 1, "yizhanshi", "", "包头法院上线“一站式”多元解纷平台", "诉前调解成功率提升三成",
                                    "包头讯", BAOTOU, new Byline(List.of(), "包头市中级人民法院"), List.of())),
                    page(NOV_28, 2, "", "政法时空", List.of(), List.of(),
                            story(NOV_28, 2, "mabei-fating", "", "达茂旗牧区“马背法庭”巡回审判", "", "达茂旗讯", BAOTOU,
                                    new Byline(List.of("李四"), ""), List.of("巡回审判"))))),
            new Issue(DEC_10, OptionalInt.of(5101), "", "", List.of(
                    page(DEC_10, 1, "A01", "要闻", List.of(new Editor("责任编辑", "钱虹"), new Editor("制版编辑", "高峰")),
                            List.of("宪法宣传周", "走进包头 看法治"),
                            story(DEC_10, 1, "xianfa", "弘扬宪法精神", "宪法宣传周启动仪式在呼和浩特举行", "全区各地同步开展宪法宣传活动",
                                    "本报讯", null, new Byline(List.of("张晓燕", "郭宁"), ""), List.of("宪法", "普法")),
                            jumping(story(DEC_10, 1, "shengtai", "生态环境司法保护", "森林草原生态保护有了“司法屏障”",
                                    "呼伦贝尔法院构建“专业审判+修复治理”工作格局", "海拉尔讯", HULUNBUIR,
                                    new Byline(List.of(), "呼伦贝尔市中级人民法院"), List.of("生态环境")), 3)),
                    page(DEC_10, 2, "A02", "政法时空", List.of(new Editor("责任编辑", "刘晓东")), List.of(),
                            story(DEC_10, 2, "manzhouli", "", "满洲里口岸开通涉外纠纷调解窗口", "", "满洲里讯", HULUNBUIR,
                                    new Byline(List.of("乌云"), ""), List.of()),
                            story(DEC_10, 2, "jiaotong", "", "包头交警护航冬季道路安全", "", "包头讯", BAOTOU,
                                    new Byline(List.of("高峰"), ""), List.of("交通安全")),
                            withdrawn(story(DEC_10, 2, "chehui", "", "一则已撤回的稿件", "", "本报讯", null,
                                    new Byline(List.of(), ""), List.of()))),
                    page(DEC_10, 3, "A03", "法治评论", List.of(), List.of(),
                            story(DEC_10, 3, "pinglun", "", "让法治成为最好的营商环境", "", "", null,
                                    new Byline(List.of("本报评论员"), ""), List.of())))),
            new Issue(DEC_11, OptionalInt.of(5102), "宪法宣传周特刊", "本期共2版", List.of(
                    withScan(page(DEC_11, 1, "", "要闻", List.of(new Editor("责任编辑", "钱虹")), List.of("法治护航𠮷祥草原"),
                            area(story(DEC_11, 1, "fengqiao", "坚持和发展新时代“枫桥经验”", "全区推进新时代“枫桥式”基层单位创建",
                                    "", "本报讯", null, new Byline(List.of("张晓燕", "郭宁"), ""),
                                    List.of("枫桥经验", "基层治理")), 5, 10, 60, 30),
                            jumping(area(story(DEC_11, 1, "guyang", "", "固阳县法院为农民工追回欠薪", "", "固阳讯", BAOTOU,
                                    new Byline(List.of("王芳"), ""), List.of()), 5, 45, 60, 20), 2),
                            story(DEC_11, 1, "genhe", "", "根河林区冬季防火普法宣传", "“法治进林区”活动走进根河", "根河讯",
                                    HULUNBUIR, new Byline(List.of(), ""), List.of()))),
                    page(DEC_11, 2, "", "法院·检察", List.of(new Editor("责任编辑", "刘晓东")), List.of(),
                            story(DEC_11, 2, "zhixing", "", "包头中院集中执行兑现胜诉权益", "", "包头讯", BAOTOU,
                                    new Byline(List.of("李四"), ""), List.of("执行")),
                            story(DEC_11, 2, "jianyi", "检察建议", "一份检察建议消除一处安全隐患", "小区消防通道终于畅通", "本报讯",
                                    null, new Byline(List.of("赵敏"), "某某区人民检察院"), List.of()))))),
            GAZETTEER.bureaus().stream().map(entry -> bureau(entry.name())).toList(),
            List.of(new StandalonePage("about", "关于本报", "content/pages/about.md", "<p>北疆法治报创刊于1985年。</p>"),
                    new StandalonePage("contact", "联系我们", "content/pages/contact.md", "<p>电话：0471-0000000</p>")),
            Instant.parse("2025-12-11T16:00:00Z"));

    private static Report report;

    @BeforeAll
    static void compareEveryChangeWithTheArchiveBeforeIt() {
        report = Report.of(BASE, mutations(BASE));
    }

    @Test
    void everyChangeThatAPageShowsChangesThatPagesKey() {
        Set<String> newGaps = new TreeSet<>(report.gaps());
        newGaps.removeAll(KNOWN_GAPS);
        assertThat(newGaps).as("pages whose view changed while their key did not (stale after a rebuild)").isEmpty();
        Set<String> closed = new TreeSet<>(KNOWN_GAPS);
        closed.removeAll(report.gaps());
        assertThat(closed).as("known gaps that no longer occur: remove them from KNOWN_GAPS").isEmpty();
    }

    @Test
    void everyKeyedPageKindSeesItsViewChange() {
        // Without view changes of every kind, the test above would pass whatever the keys say.
        for (Kind kind : Kind.values()) {
            assertThat(report.viewChanges().getOrDefault(kind.view, 0)).as(kind.view + "s changed by some change")
                    .isPositive();
        }
        assertThat(report.viewChanges().getOrDefault(Report.GROUP, 0)).as("issue groups changed by some change")
                .isPositive();
    }

    @Test
    void aStoryIsComparedOnEveryPageThatShowsIt() {
        // 固阳's neighbours are on its page; its page's list and the issue's show it, and so do its bureau's list
        // and both feeds. Every keyed page is compared for every change, so these are among them.
        assertThat(report.changed().get("article.title of 2025-12-11/01/guyang")).contains(
                "article view of 2025-12-11/01/fengqiao", "article view of 2025-12-11/01/genhe",
                "page view of 2025-12-11/01", "page view of 2025-12-11/02", "issue view of 2025-12-11",
                "bureau view of baotou page 1", "feed of bureaus/baotou/ (rss, atom, json)",
                "feed of the site (rss, atom, json)");
        // The first story of an issue is the next of the last story of the issue before.
        assertThat(report.changed().get("article.title of 2025-12-11/01/fengqiao"))
                .contains("article view of 2025-12-10/03/pinglun");
    }

    @Test
    void everyChangeChangesTheModel() {
        assertThat(report.noOps()).as("changes that leave the model as it was").isEmpty();
    }

    @Test
    void everyComponentOfTheModelIsChanged() {
        Set<String> covered = mutations(BASE).stream().flatMap(m -> m.covers().stream()).collect(Collectors.toSet());
        Set<String> components = new TreeSet<>();
        for (Class<?> type : List.of(Article.class, ArticleId.class, Byline.class, Page.class, Editor.class,
                Issue.class, Bureau.class, StandalonePage.class, SiteConfig.class, SiteConfig.Footer.class)) {
            Arrays.stream(type.getRecordComponents()).map(c -> type.getSimpleName() + "." + c.getName())
                    .forEach(components::add);
        }
        components.removeAll(covered);
        assertThat(components).as("record components that no change below touches: add a change for each")
                .isEmpty();
    }

    // ---------------------------------------------------------------- the archive

    /**
     * The site as content/ describes it: issues with their pages and stories, withdrawn stories still on their
     * pages (as their files are), the gazetteer, the standalone pages and the build's clock.
     */
    private record Site(SiteConfig config, List<Issue> issues, List<Bureau> bureaus,
            List<StandalonePage> standalone, Instant now) {

        /** The archive as {@code ArchiveAssembler} makes it: withdrawn stories aside, empty pages dropped. */
        Archive archive() {
            List<Article> withdrawn = new ArrayList<>();
            List<Issue> published = new ArrayList<>();
            for (Issue issue : issues) {
                List<Page> pages = new ArrayList<>();
                for (Page page : issue.pages().stream().sorted(Comparator.comparingInt(Page::number)).toList()) {
                    page.articles().stream().filter(Article::withdrawn).forEach(withdrawn::add);
                    List<Article> stories = page.articles().stream().filter(a -> !a.withdrawn()).toList();
                    if (!stories.isEmpty()) {
                        pages.add(with(page, "articles", stories));
                    }
                }
                if (!pages.isEmpty()) {
                    published.add(with(issue, "pages", pages));
                }
            }
            return new Archive(published, bureaus, withdrawn, standalone);
        }

        List<Article> stories() {
            return issues.stream().flatMap(i -> i.pages().stream()).flatMap(p -> p.articles().stream()).toList();
        }

        List<Page> pages() {
            return issues.stream().flatMap(i -> i.pages().stream()).toList();
        }

        Site withIssues(UnaryOperator<List<Issue>> change) {
            return new Site(config, change.apply(issues), bureaus, standalone, now);
        }

        Site withIssue(LocalDate date, UnaryOperator<Issue> change) {
            return withIssues(list -> list.stream().map(i -> i.date().equals(date) ? change.apply(i) : i).toList());
        }

        Site withPage(LocalDate date, int number, UnaryOperator<Page> change) {
            return withIssue(date, issue -> with(issue, "pages", issue.pages().stream()
                    .map(p -> p.number() == number ? change.apply(p) : p).toList()));
        }

        Site withStory(ArticleId id, UnaryOperator<Article> change) {
            return withPage(id.date(), id.page(), page -> with(page, "articles", page.articles().stream()
                    .map(a -> a.id().equals(id) ? change.apply(a) : a).toList()));
        }

        /** The story moved to the end of another page, as when its file is moved to that page's folder. */
        Site moveStory(Article story, LocalDate date, int number) {
            Article moved = with(story, "id", new ArticleId(date, number, story.id().slug()));
            return withPage(story.id().date(), story.id().page(), page -> with(page, "articles",
                    page.articles().stream().filter(a -> !a.id().equals(story.id())).toList()))
                    .withPage(date, number, page -> with(page, "articles",
                            Stream.concat(page.articles().stream(), Stream.of(moved)).toList()));
        }

        /** The page's folder moved to another issue's, its stories with it. */
        Site movePage(Page page, LocalDate to) {
            return withIssue(page.date(), issue -> with(issue, "pages", issue.pages().stream()
                    .filter(p -> p.number() != page.number()).toList()))
                    .withIssue(to, issue -> with(issue, "pages", Stream.concat(issue.pages().stream(),
                            Stream.of(redated(page, to))).toList()));
        }

        Site withBureaus(UnaryOperator<List<Bureau>> change) {
            return new Site(config, issues, change.apply(bureaus), standalone, now);
        }

        /** A bureau changed in the gazetteer, and so in every story it filed. */
        Site replaceBureau(Bureau old, Bureau changed) {
            Site site = withBureaus(list -> list.stream().map(b -> b.equals(old) ? changed : b).toList());
            for (Article story : stories()) {
                if (story.bureau().equals(Optional.of(old))) {
                    site = site.withStory(story.id(), a -> with(a, "bureau", Optional.of(changed)));
                }
            }
            return site;
        }

        Site withStandalone(UnaryOperator<List<StandalonePage>> change) {
            return new Site(config, issues, bureaus, change.apply(standalone), now);
        }

        Site withConfig(SiteConfig changed) {
            return new Site(changed, issues, bureaus, standalone, now);
        }

        Site at(Instant clock) {
            return new Site(config, issues, bureaus, standalone, clock);
        }
    }

    private static Article story(LocalDate date, int page, String slug, String kicker, String title, String subtitle,
            String dateline, Bureau bureau, Byline byline, List<String> tags) {
        String folder = "content/" + date.toString().replace('-', '/') + "/" + Routes.twoDigits(page) + "/";
        return new Article(new ArticleId(date, page, slug), folder + slug + ".md", title, kicker, subtitle, dateline,
                Optional.ofNullable(bureau), byline, tags,
                Body.of("<p>" + title + "。记者近日从有关部门获悉，相关工作取得积极进展。</p>\n<p>有关负责人表示，下一步将持续推进。</p>"),
                false, OptionalInt.empty(), List.of(), List.of(), Map.of());
    }

    /** A story that jumps to {@code page} at a break mark in its body (转第N版). */
    /** The gazetteer's bureau as the model holds it (ArchiveAssembler converts the same way). */
    private static Bureau bureau(String name) {
        BureauEntry entry = GAZETTEER.byName(name).orElseThrow();
        return new Bureau(entry.name(), entry.slug(), entry.datelines());
    }

    private static Article jumping(Article story, int page) {
        return with(with(story, "continuesOn", OptionalInt.of(page)), "body",
                Body.of(BodyReader.IN_MEMORY.html(story.body()).replace("\n", "\n" + JumpMark.MARK + "\n")));
    }

    private static Article withdrawn(Article story) {
        return with(story, "withdrawn", true);
    }

    private static Article area(Article story, double x, double y, double w, double h) {
        return with(story, "area", List.of(x, y, w, h));
    }

    private static Page page(LocalDate date, int number, String label, String section, List<Editor> editors,
            List<String> banners, Article... stories) {
        return new Page(date, number, label, section, editors, banners, Optional.empty(), Optional.empty(),
                List.of(stories), List.of());
    }

    private static Page withScan(Page page) {
        return new Page(page.date(), page.number(), page.label(), page.section(), page.editors(), page.banners(),
                Optional.of("01.jpg"), Optional.of("01.pdf"), page.articles(), List.of("01.jpg", "01.pdf"));
    }

    /** The page, and its stories' ids, on another date. */
    private static Page redated(Page page, LocalDate date) {
        return new Page(date, page.number(), page.label(), page.section(), page.editors(), page.banners(),
                page.image(), page.pdf(), page.articles().stream()
                        .map(a -> with(a, "id", new ArticleId(date, a.id().page(), a.id().slug()))).toList(),
                page.assets());
    }

    /** The page, and its stories' ids, under another number. */
    private static Page renumbered(Page page, int number) {
        return new Page(page.date(), number, page.label(), page.section(), page.editors(), page.banners(),
                page.image(), page.pdf(), page.articles().stream()
                        .map(a -> with(a, "id", new ArticleId(a.id().date(), number, a.id().slug()))).toList(),
                page.assets());
    }

    /**
     * The record with one component replaced, through its canonical constructor: the idea of
     * {@code ArticleDigestTest.with}, for every record of the model.
     */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(component);
                values[i] = components[i].getName().equals(component) ? value
                        : components[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + component);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("copying " + record.getClass().getSimpleName(), e);
        }
    }

    // ---------------------------------------------------------------- the changes

    /**
     * One edit of the site, named as the report shows it.
     *
     * @param covers the record components it changes ("Article.subtitle"), for the count of components
     */
    private record Mutation(String name, Set<String> covers, UnaryOperator<Site> apply) {
    }

    private static final class Mutations {
        final List<Mutation> list = new ArrayList<>();

        void add(String name, String covers, UnaryOperator<Site> apply) {
            list.add(new Mutation(name, new LinkedHashSet<>(List.of(covers.split(" "))), apply));
        }
    }

    private static List<Mutation> mutations(Site base) {
        Mutations m = new Mutations();
        for (Article story : base.stories()) {
            storyMutations(m, base, story);
        }
        for (Page page : base.pages()) {
            pageMutations(m, base, page);
        }
        for (Issue issue : base.issues()) {
            issueMutations(m, base, issue);
        }
        bureauMutations(m, BAOTOU, "达茂旗");
        bureauMutations(m, HULUNBUIR, "满洲里");
        m.add("gazetteer (bureaus reordered)", "",
                site -> site.withBureaus(list -> list.stream().sorted(Comparator.comparing(Bureau::slug)).toList()));
        standaloneMutations(m);
        configMutations(m, base.config());
        m.add("clock (an hour later)", "", site -> site.at(site.now().plusSeconds(3600)));
        m.add("archive (issue added after the latest)", "", site -> site.withIssues(list -> append(list,
                new Issue(DEC_11.plusDays(1), OptionalInt.of(5103), "", "", List.of(page(DEC_11.plusDays(1), 1, "",
                        "要闻", List.of(), List.of(), story(DEC_11.plusDays(1), 1, "toutiao", "", "新的一期头条", "",
                                "包头讯", BAOTOU, new Byline(List.of("张三"), ""), List.of())))))));
        m.add("archive (issue added in a new year)", "", site -> site.withIssues(list -> append(list,
                new Issue(LocalDate.of(2026, 1, 5), OptionalInt.empty(), "", "", List.of(page(LocalDate.of(2026, 1,
                        5), 1, "", "要闻", List.of(), List.of(), story(LocalDate.of(2026, 1, 5), 1, "xinnian", "",
                        "新年第一期", "", "本报讯", null, new Byline(List.of(), ""), List.of())))))));
        m.add("archive (issue 2025-12-10 removed)", "", site -> site.withIssues(list -> list.stream()
                .filter(i -> !i.date().equals(DEC_10)).toList()));
        return m.list;
    }

    private static void storyMutations(Mutations m, Site base, Article story) {
        ArticleId id = story.id();
        String of = " of " + name(id);
        m.add("article.id (slug renamed)" + of, "Article.id ArticleId.slug",
                site -> site.withStory(id, a -> with(a, "id", new ArticleId(id.date(), id.page(), id.slug() + "-2"))));
        Issue issue = base.issues().stream().filter(i -> i.date().equals(id.date())).findFirst().orElseThrow();
        issue.pages().stream().filter(p -> p.number() != id.page()).findFirst().ifPresent(other ->
                m.add("article.id (moved to page " + other.number() + ")" + of, "Article.id ArticleId.page",
                        site -> site.moveStory(story, id.date(), other.number())));
        base.issues().stream().filter(i -> !i.date().equals(id.date()))
                .filter(i -> i.pages().stream().anyMatch(p -> p.number() == id.page())).findFirst().ifPresent(other ->
                        m.add("article.id (moved to " + other.date() + ")" + of, "Article.id ArticleId.date",
                                site -> site.moveStory(story, other.date(), id.page())));
        m.add("article.source" + of, "Article.source", site -> site.withStory(id, a -> with(a, "source",
                a.source().replace(".md", "-v2.md"))));
        m.add("article.title" + of, "Article.title", site -> site.withStory(id, a -> with(a, "title",
                a.title() + "（图）")));
        m.add("article.kicker (" + (story.kicker().isEmpty() ? "added" : "removed") + ")" + of, "Article.kicker",
                site -> site.withStory(id, a -> with(a, "kicker", a.kicker().isEmpty() ? "新引题" : "")));
        m.add("article.subtitle (" + (story.subtitle().isEmpty() ? "added" : "removed") + ")" + of,
                "Article.subtitle",
                site -> site.withStory(id, a -> with(a, "subtitle", a.subtitle().isEmpty() ? "——新副题𠮷" : "")));
        m.add("article.dateline (" + (story.dateline().isEmpty() ? "added" : "removed") + ")" + of,
                "Article.dateline",
                site -> site.withStory(id, a -> with(a, "dateline", a.dateline().isEmpty() ? "本报讯" : "")));
        m.add("article.dateline (changed to 东河讯)" + of, "Article.dateline",
                site -> site.withStory(id, a -> with(a, "dateline", "东河讯")));
        if (story.bureau().isPresent()) {
            Bureau other = story.bureau().get().equals(BAOTOU) ? HULUNBUIR : BAOTOU;
            m.add("article.bureau (changed to " + other.slug() + ")" + of, "Article.bureau",
                    site -> site.withStory(id, a -> with(a, "bureau", Optional.of(other))));
            m.add("article.bureau (removed)" + of, "Article.bureau",
                    site -> site.withStory(id, a -> with(a, "bureau", Optional.empty())));
        } else {
            m.add("article.bureau (added: ordos)" + of, "Article.bureau",
                    site -> site.withStory(id, a -> with(a, "bureau", Optional.of(ORDOS))));
        }
        m.add("article.byline.authors (one added)" + of, "Article.byline Byline.authors",
                site -> site.withStory(id, a -> with(a, "byline", with(a.byline(), "authors",
                        append(a.byline().authors(), "实习生 王芳")))));
        m.add("article.byline.source (" + (story.byline().source().isEmpty() ? "added" : "removed") + ")" + of,
                "Article.byline Byline.source", site -> site.withStory(id, a -> with(a, "byline", with(a.byline(),
                        "source", a.byline().source().isEmpty() ? "某某旗人民法院" : ""))));
        m.add("article.tags (one added)" + of, "Article.tags",
                site -> site.withStory(id, a -> with(a, "tags", append(a.tags(), "以案说法"))));
        m.add("article.body (first paragraph edited)" + of, "Article.body", site -> site.withStory(id,
                a -> with(a, "body", Body.of(BodyReader.IN_MEMORY.html(a.body()).replaceFirst("<p>", "<p>（更正）")))));
        m.add("article.withdrawn (" + (story.withdrawn() ? "published again" : "withdrawn") + ")" + of,
                "Article.withdrawn", site -> site.withStory(id, a -> with(a, "withdrawn", !a.withdrawn())));
        int target = issue.pages().stream().mapToInt(Page::number).filter(n -> n != id.page()).findFirst()
                .orElse(id.page() + 1);
        if (story.continuesOn().isPresent()) {
            m.add("article.continuesOn (removed)" + of, "Article.continuesOn",
                    site -> site.withStory(id, a -> with(a, "continuesOn", OptionalInt.empty())));
            m.add("article.continuesOn (to page 9)" + of, "Article.continuesOn",
                    site -> site.withStory(id, a -> with(a, "continuesOn", OptionalInt.of(9))));
        } else {
            m.add("article.continuesOn (to page " + target + ")" + of, "Article.continuesOn",
                    site -> site.withStory(id, a -> with(a, "continuesOn", OptionalInt.of(target))));
        }
        m.add("article.area (" + (story.area().isEmpty() ? "added" : "moved") + ")" + of, "Article.area",
                site -> site.withStory(id, a -> with(a, "area", List.of(50.0, 50.0, 45.5, 12.5))));
        m.add("article.aliases (one added)" + of, "Article.aliases", site -> site.withStory(id,
                a -> with(a, "aliases", append(a.aliases(), "html/2019-03/05/content_1.htm"))));
        m.add("article.extra (photo added)" + of, "Article.extra",
                site -> site.withStory(id, a -> with(a, "extra", Map.of("photo", "a.jpg"))));
    }

    private static void pageMutations(Mutations m, Site base, Page page) {
        LocalDate date = page.date();
        int number = page.number();
        String of = " of " + date + "/" + Routes.twoDigits(number);
        base.issues().stream().filter(i -> !i.date().equals(date))
                .filter(i -> i.pages().stream().noneMatch(p -> p.number() == number)).findFirst()
                .ifPresent(other -> m.add("page.date (moved to " + other.date() + ")" + of, "Page.date",
                        site -> site.movePage(page, other.date())));
        int last = base.issues().stream().filter(i -> i.date().equals(date)).flatMap(i -> i.pages().stream())
                .mapToInt(Page::number).max().orElseThrow();
        m.add("page.number (to " + (last + 1) + ")" + of, "Page.number",
                site -> site.withPage(date, number, p -> renumbered(p, last + 1)));
        m.add("page.label (" + (page.label().isEmpty() ? "added" : "removed") + ")" + of, "Page.label",
                site -> site.withPage(date, number, p -> with(p, "label",
                        p.label().isEmpty() ? "B" + Routes.twoDigits(number) : "")));
        m.add("page.section" + of, "Page.section",
                site -> site.withPage(date, number, p -> with(p, "section", p.section() + "·专版")));
        if (page.editors().isEmpty()) {
            m.add("page.editors (one added)" + of, "Page.editors Editor.role Editor.name",
                    site -> site.withPage(date, number, p -> with(p, "editors", List.of(new Editor("责任编辑", "高峰")))));
        } else {
            m.add("page.editors (name changed)" + of, "Page.editors Editor.name", site -> site.withPage(date, number,
                    p -> with(p, "editors", p.editors().stream().map(e -> with(e, "name", e.name() + "娜")).toList())));
            m.add("page.editors (role changed)" + of, "Page.editors Editor.role", site -> site.withPage(date, number,
                    p -> with(p, "editors", p.editors().stream().map(e -> with(e, "role", "本版编辑")).toList())));
        }
        m.add("page.banners (one added)" + of, "Page.banners",
                site -> site.withPage(date, number, p -> with(p, "banners", append(p.banners(), "以案说法"))));
        if (page.banners().size() >= 2) {
            // As when `banners: ["宪法宣传周, 走进包头 看法治"]` in _page.yml loses its quotes, or gains them.
            m.add("page.banners (two written as one)" + of, "Page.banners",
                    site -> site.withPage(date, number, p -> with(p, "banners", List.of(String.join(", ",
                            p.banners())))));
        }
        m.add("page.image (" + (page.image().isEmpty() ? "added" : "removed") + ")" + of, "Page.image",
                site -> site.withPage(date, number, p -> with(p, "image",
                        p.image().isEmpty() ? Optional.of("scan.jpg") : Optional.empty())));
        m.add("page.pdf (" + (page.pdf().isEmpty() ? "added" : "removed") + ")" + of, "Page.pdf",
                site -> site.withPage(date, number, p -> with(p, "pdf",
                        p.pdf().isEmpty() ? Optional.of("page.pdf") : Optional.empty())));
        if (page.articles().size() >= 2) {
            m.add("page.articles (first two swapped)" + of, "Page.articles", site -> site.withPage(date, number,
                    p -> {
                        List<Article> stories = new ArrayList<>(p.articles());
                        stories.add(0, stories.remove(1));
                        return with(p, "articles", stories);
                    }));
            m.add("page.articles (last removed)" + of, "Page.articles", site -> site.withPage(date, number,
                    p -> with(p, "articles", p.articles().subList(0, p.articles().size() - 1))));
        }
        m.add("page.assets (one added)" + of, "Page.assets",
                site -> site.withPage(date, number, p -> with(p, "assets", append(p.assets(), "photo.jpg"))));
    }

    private static void issueMutations(Mutations m, Site base, Issue issue) {
        LocalDate date = issue.date();
        String of = " of " + date;
        Set<LocalDate> taken = base.issues().stream().map(Issue::date).collect(Collectors.toSet());
        LocalDate later = Stream.iterate(date.plusDays(2), d -> d.plusDays(1)).filter(d -> !taken.contains(d))
                .findFirst().orElseThrow();
        m.add("issue.date (moved to " + later + ")" + of, "Issue.date",
                site -> site.withIssue(date, i -> redatedIssue(i, later)));
        LocalDate otherMonth = date.minusMonths(2);
        m.add("issue.date (moved to " + otherMonth + ")" + of, "Issue.date",
                site -> site.withIssue(date, i -> redatedIssue(i, otherMonth)));
        m.add("issue.number (changed)" + of, "Issue.number", site -> site.withIssue(date,
                i -> with(i, "number", OptionalInt.of(i.number().orElse(0) + 100))));
        m.add("issue.number (removed)" + of, "Issue.number",
                site -> site.withIssue(date, i -> with(i, "number", OptionalInt.empty())));
        m.add("issue.edition (" + (issue.edition().isEmpty() ? "added" : "removed") + ")" + of, "Issue.edition",
                site -> site.withIssue(date, i -> with(i, "edition", i.edition().isEmpty() ? "元旦特刊" : "")));
        m.add("issue.note" + of, "Issue.note", site -> site.withIssue(date, i -> with(i, "note", i.note() + "（更正）")));
        if (issue.pages().size() >= 2) {
            m.add("issue.pages (last removed)" + of, "Issue.pages", site -> site.withIssue(date,
                    i -> with(i, "pages", i.pages().subList(0, i.pages().size() - 1))));
            m.add("issue.pages (first removed)" + of, "Issue.pages", site -> site.withIssue(date,
                    i -> with(i, "pages", i.pages().subList(1, i.pages().size()))));
        }
        int next = issue.pages().stream().mapToInt(Page::number).max().orElse(0) + 1;
        m.add("issue.pages (page " + next + " added)" + of, "Issue.pages", site -> site.withIssue(date,
                i -> with(i, "pages", append(i.pages(), page(date, next, "", "专版", List.of(), List.of(),
                        story(date, next, "zhuanban", "", "专版稿件", "", "包头讯", BAOTOU, new Byline(List.of(), ""),
                                List.of()))))));
    }

    private static Issue redatedIssue(Issue issue, LocalDate date) {
        return new Issue(date, issue.number(), issue.edition(), issue.note(),
                issue.pages().stream().map(p -> redated(p, date)).toList());
    }

    private static void bureauMutations(Mutations m, Bureau bureau, String usedPlace) {
        String of = " of " + bureau.slug();
        m.add("bureau.name" + of, "Bureau.name",
                site -> site.replaceBureau(bureau, with(bureau, "name", bureau.name() + "记者站")));
        m.add("bureau.slug" + of, "Bureau.slug",
                site -> site.replaceBureau(bureau, with(bureau, "slug", bureau.slug() + "-desk")));
        m.add("bureau.datelines (" + usedPlace + " removed)" + of, "Bureau.datelines",
                site -> site.replaceBureau(bureau, with(bureau, "datelines", bureau.datelines().stream()
                        .filter(d -> !d.equals(usedPlace)).toList())));
    }

    private static void standaloneMutations(Mutations m) {
        for (String component : List.of("slug", "title", "source", "bodyHtml")) {
            m.add("standalone." + component + " of about", "StandalonePage." + component,
                    site -> site.withStandalone(list -> list.stream().map(p -> !p.slug().equals("about") ? p
                            : with(p, component, component.equals("slug") ? "guanyu" : "（新）" + p.title())).toList()));
        }
        m.add("standalone (page added)", "", site -> site.withStandalone(list -> append(list,
                new StandalonePage("tougao", "投稿须知", "content/pages/tougao.md", "<p>来稿请注明作者。</p>"))));
        m.add("standalone (contact removed)", "", site -> site.withStandalone(list -> list.stream()
                .filter(p -> !p.slug().equals("contact")).toList()));
    }

    private static void configMutations(Mutations m, SiteConfig config) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", config.title() + "（数字报）");
        changes.put("baseUrl", URI.create("https://example.org/paper/"));
        changes.put("language", "zh-Hans-CN");
        changes.put("timeZone", ZoneId.of("Asia/Urumqi"));
        changes.put("theme", "classic");
        changes.put("markdown", new SiteConfig.Markdown(EngineName.FLEXMARK, HtmlPolicy.ESCAPE));
        changes.put("paginate", 3);
        changes.put("feeds", new SiteConfig.Feeds(3));
        changes.put("search", new SiteConfig.Search(!config.search().enabled()));
        changes.put("bureaus", List.of(new SiteConfig.BureauSetting("包头市", "", List.of("北梁"))));
        changes.forEach((component, value) -> m.add("config." + component, "SiteConfig." + component,
                site -> site.withConfig(with(site.config(), component, value))));
        for (String component : List.of("copyright", "icp", "icpLink", "note")) {
            m.add("config.footer." + component, "SiteConfig.footer Footer." + component,
                    site -> site.withConfig(with(site.config(), "footer", with(site.config().footer(), component,
                            component.equals("icpLink") ? "https://beian.example.org/" : "（改）"))));
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }

    private static String name(ArticleId id) {
        return id.date() + "/" + Routes.twoDigits(id.page()) + "/" + id.slug();
    }

    // ---------------------------------------------------------------- what the pages see, and their keys

    /** A page kind with hand-listed inputs: how the report names its view and its key. */
    private enum Kind {
        ARTICLE("article view", "ViewInputs.article"),
        PAGE("page view", "ViewInputs.page"),
        ISSUE("issue view", "ViewInputs.issue"),
        BUREAU("bureau view", "ViewInputs.bureau"),
        FEED("feed", "ViewInputs.feed");

        final String view;
        final String key;

        Kind(String view, String key) {
            this.view = view;
            this.key = key;
        }
    }

    /**
     * One keyed output: what its template sees (the view record; a feed's text) and its key. Views are compared
     * with equals, component by component: their toString can hide a change, e.g. of a list of strings that
     * contain ", ".
     */
    private record Output(Kind kind, String name, Object view, String key) {
        String title() {
            return kind.view + " of " + name;
        }
    }

    /** An issue's group: its key and the output paths it keeps together. */
    private record Group(String date, String key, List<String> paths) {
    }

    /** Every keyed output of a site by its path, and the issue groups by name, as SiteRenderer makes them. */
    private record Snapshot(Map<String, Output> outputs, Map<String, Group> groups) {
        static Snapshot of(Site site) {
            Archive archive = site.archive();
            SiteConfig config = site.config();
            Routes routes = new Routes(config.baseUrl());
            ViewFactory views = new ViewFactory(archive, config, routes, BodyReader.IN_MEMORY);
            ViewInputs keys = new ViewInputs(archive, config);
            FeedFactory feeds = new FeedFactory(archive, config, routes, site.now(), BodyReader.IN_MEMORY);
            Map<String, Output> outputs = new LinkedHashMap<>();
            Map<String, Group> groups = new LinkedHashMap<>();
            for (Issue issue : archive.issues()) {
                List<String> paths = new ArrayList<>();
                String issueRoute = routes.issue(issue.date());
                paths.add(Routes.file(issueRoute));
                outputs.put(Routes.file(issueRoute), new Output(Kind.ISSUE, issue.date().toString(),
                        views.issue(issue), keys.issue(issue)));
                for (Page page : issue.pages()) {
                    String pageRoute = routes.page(page);
                    paths.add(Routes.file(pageRoute));
                    outputs.put(Routes.file(pageRoute), new Output(Kind.PAGE,
                            page.date() + "/" + Routes.twoDigits(page.number()), views.page(issue, page),
                            keys.page(issue, page)));
                    for (Article article : page.articles()) {
                        String route = Routes.articleOnPage(pageRoute, article.id());
                        paths.add(route);
                        outputs.put(route, new Output(Kind.ARTICLE, name(article.id()),
                                views.article(article), keys.article(article)));
                    }
                }
                groups.put("issue " + issue.date(), new Group(issue.date().toString(),
                        keys.issueGroup(issue), paths));
            }
            int size = config.paginate();
            for (BureauDesk desk : archive.bureaus()) {
                for (int n = 1; n <= ViewFactory.pageCount(desk, size); n++) {
                    outputs.put(Routes.file(routes.bureau(desk.bureau(), n)), new Output(Kind.BUREAU,
                            desk.bureau().slug() + " page " + n, views.bureau(desk, n, size),
                            keys.bureau(desk, n, size)));
                }
                String dir = routes.bureau(desk.bureau(), 1);
                outputs.put(dir + FeedWriter.RSS, new Output(Kind.FEED, dir + " (rss, atom, json)",
                        text(feeds.bureauFeed(desk)), keys.feed(dir, feeds.bureauItems(desk), feeds.updated())));
            }
            outputs.put(Routes.HOME + FeedWriter.RSS, new Output(Kind.FEED, "the site (rss, atom, json)",
                    text(feeds.siteFeed()), keys.feed(Routes.HOME, feeds.siteItems(), feeds.updated())));
            return new Snapshot(outputs, groups);
        }

        private static String text(Feed feed) {
            return FeedWriter.rss(feed) + "\n" + FeedWriter.atom(feed) + "\n" + FeedWriter.json(feed);
        }
    }

    /** What every change did to the site's keyed outputs. */
    private record Report(Set<String> gaps, Map<String, Integer> viewChanges, Map<String, Set<String>> changed,
            List<String> noOps) {
        static final String GROUP = "issue group";

        static Report of(Site base, List<Mutation> mutations) {
            Snapshot before = Snapshot.of(base);
            Set<String> gaps = new TreeSet<>();
            Map<String, Integer> viewChanges = new TreeMap<>();
            Map<String, Set<String>> changed = new LinkedHashMap<>();
            List<String> noOps = new ArrayList<>();
            for (Mutation mutation : mutations) {
                Site edited = mutation.apply().apply(base);
                if (edited.equals(base)) {
                    noOps.add(mutation.name());
                    continue;
                }
                Snapshot after = Snapshot.of(edited);
                changed.put(mutation.name(), compare(mutation.name(), before, after, gaps, viewChanges));
            }
            return new Report(gaps, viewChanges, changed, noOps);
        }

        /**
         * A page is kept when its key is unchanged; an issue's pages are all kept when the group's key is unchanged
         * and every one of its paths was published before ({@code OutputMemory.keepGroup}). A page kept while its
         * view changed is a gap. Returns the outputs whose view changed.
         */
        private static Set<String> compare(String mutation, Snapshot before, Snapshot after, Set<String> gaps,
                Map<String, Integer> viewChanges) {
            Set<String> changed = new TreeSet<>();
            after.outputs().forEach((path, now) -> {
                Output then = before.outputs().get(path);
                if (then != null && !then.view().equals(now.view())) {
                    changed.add(now.title());
                    viewChanges.merge(now.kind().view, 1, Integer::sum);
                    if (then.key().equals(now.key())) {
                        gaps.add(mutation + " → " + now.title() + " changed but " + now.kind().key + " did not");
                    }
                }
            });
            after.groups().forEach((name, group) -> {
                Group then = before.groups().get(name);
                if (then == null || !before.outputs().keySet().containsAll(group.paths())) {
                    return; // a page new to the group: the group is rendered, each page by its own key
                }
                boolean groupChanged = false;
                for (String path : group.paths()) {
                    Output old = before.outputs().get(path);
                    Output now = after.outputs().get(path);
                    if (!old.view().equals(now.view())) {
                        groupChanged = true;
                        if (then.key().equals(group.key())) {
                            gaps.add(mutation + " → " + now.title() + " changed but ViewInputs.issueGroup of "
                                    + group.date() + " did not");
                        }
                    }
                }
                if (groupChanged) {
                    viewChanges.merge(GROUP, 1, Integer::sum);
                }
            });
            return changed;
        }
    }
}
