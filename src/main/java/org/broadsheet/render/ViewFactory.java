package org.broadsheet.render;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Month;
import org.broadsheet.archive.Page;
import org.broadsheet.archive.StandalonePage;
import org.broadsheet.archive.Year;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.render.view.ArticleLink;
import org.broadsheet.render.view.ArticleView;
import org.broadsheet.render.view.BureauIndexView;
import org.broadsheet.render.view.BureauView;
import org.broadsheet.render.view.Calendar;
import org.broadsheet.render.view.Chrome;
import org.broadsheet.render.view.HomeView;
import org.broadsheet.render.view.IssueView;
import org.broadsheet.render.view.Link;
import org.broadsheet.render.view.MonthView;
import org.broadsheet.render.view.NoticeView;
import org.broadsheet.render.view.PageSummary;
import org.broadsheet.render.view.PageView;
import org.broadsheet.render.view.RedirectView;
import org.broadsheet.render.view.Scan;
import org.broadsheet.render.view.SearchView;
import org.broadsheet.render.view.StandaloneView;
import org.broadsheet.render.view.YearView;

/**
 * Builds the view record of each page from the archive. All links are computed here, relative to the page
 * being built, and all user-facing wording (第06版, 上一期, 供稿) is decided here, so templates only lay out.
 */
public final class ViewFactory {
    private static final java.util.regex.Pattern YEAR_OR_MONTH = java.util.regex.Pattern.compile(
            "[0-9]{4}/([0-9]{2}/)?");
    private final Archive archive;
    private final SiteConfig config;
    private final Routes routes;
    private final StructuredData structuredData;
    private final BodyReader bodies;
    private final MonthCalendars calendars;

    /** @param bodies reads the stories' bodies, which the archive only refers to */
    public ViewFactory(Archive archive, SiteConfig config, Routes routes, BodyReader bodies) {
        this.archive = archive;
        this.bodies = bodies;
        this.calendars = new MonthCalendars(archive, routes);
        this.config = config;
        this.routes = routes;
        this.structuredData = new StructuredData(config, routes);
    }

    /** What reads the stories' bodies for these views; the search index reads them through it too. */
    public BodyReader bodies() {
        return bodies;
    }

    public HomeView home() {
        String route = Routes.HOME;
        Linker link = Linker.from(route);
        Issue latest = archive.latestIssue().orElseThrow();
        List<Link> years = archive.years().stream()
                .map(year -> Link.of(link.to(routes.year(year.year())), ChineseDates.year(year.year())))
                .toList();
        return new HomeView(chrome(route, link, config.title(), masthead(latest), false),
                ChineseDates.dateWithWeekday(latest.date()), link.to(routes.issue(latest.date())),
                pageSummaries(latest, null, link), years, link.to(Routes.BUREAUS));
    }

    public IssueView issue(Issue issue) {
        String route = routes.issue(issue.date());
        Linker link = Linker.from(route);
        return new IssueView(chrome(route, link, ChineseDates.date(issue.date()) + " - " + config.title(),
                masthead(issue), false),
                ChineseDates.dateWithWeekday(issue.date()), issueNumber(issue), issue.edition(), issue.note(),
                pageSummaries(issue, null, link),
                archive.previousIssue(issue).map(i -> Link.of(link.to(routes.issue(i.date())),
                        "上一期 " + ChineseDates.date(i.date()))).orElse(null),
                archive.nextIssue(issue).map(i -> Link.of(link.to(routes.issue(i.date())),
                        "下一期 " + ChineseDates.date(i.date()))).orElse(null),
                calendars.of(YearMonth.from(issue.date()), issue.date(), link, true),
                neighbourMonth(YearMonth.from(issue.date()), -1, link),
                neighbourMonth(YearMonth.from(issue.date()), 1, link),
                List.of(Link.of(link.to(routes.year(issue.date().getYear())),
                        ChineseDates.year(issue.date().getYear())),
                        Link.of(link.to(routes.month(YearMonth.from(issue.date()))),
                                ChineseDates.monthOnly(YearMonth.from(issue.date())))));
    }

    public PageView page(Issue issue, Page page) {
        String route = routes.page(page);
        Linker link = Linker.from(route);
        String label = pageLabel(page);
        return new PageView(chrome(route, link, label + " " + page.section() + " - "
                        + ChineseDates.date(issue.date()) + " - " + config.title(), masthead(issue), false),
                label, page.section(), ChineseDates.dateWithWeekday(issue.date()),
                page.editors().stream().map(e -> new PageView.EditorCredit(e.role(), e.name())).toList(),
                page.banners(),
                page.articles().stream().map(a -> articleLink(a, link,
                        a.continuesOn().isPresent() ? "转第" + pad(a.continuesOn().getAsInt()) + "版" : "")).toList(),
                continuedOn(issue, page).stream().map(a -> articleLink(a, link, "接第" + pad(a.id().page()) + "版"))
                        .toList(),
                scan(page, link),
                pageSummaries(issue, page, link),
                Archive.previousPage(issue, page).map(p -> Link.of(link.to(routes.page(p)), "上一版")).orElse(null),
                Archive.nextPage(issue, page).map(p -> Link.of(link.to(routes.page(p)), "下一版")).orElse(null),
                archive.previousIssue(issue).map(i -> Link.of(link.to(routes.issue(i.date())), "上一期"))
                        .orElse(null),
                archive.nextIssue(issue).map(i -> Link.of(link.to(routes.issue(i.date())), "下一期")).orElse(null),
                Link.of(link.to(routes.issue(issue.date())), ChineseDates.date(issue.date())),
                List.of(Link.of(link.to(routes.issue(issue.date())), ChineseDates.date(issue.date())),
                        new Link(link.to(route), label, true)));
    }

    /** Stories of earlier pages of the issue that jump to {@code page} (转第N版). */
    private static List<Article> continuedOn(Issue issue, Page page) {
        return issue.pages().stream().flatMap(p -> p.articles().stream())
                .filter(a -> a.continuesOn().isPresent() && a.continuesOn().getAsInt() == page.number()).toList();
    }

    private Scan scan(Page page, Linker link) {
        if (page.image().isEmpty() && page.pdf().isEmpty()) {
            return null;
        }
        List<Scan.Area> areas = page.articles().stream().filter(a -> a.area().size() == 4)
                .map(a -> new Scan.Area(link.to(routes.article(a)), a.title(), percent(a.area().get(0)),
                        percent(a.area().get(1)), percent(a.area().get(2)), percent(a.area().get(3))))
                .toList();
        return new Scan(page.image().map(name -> link.to(routes.pageAsset(page, name))).orElse(""),
                page.pdf().map(name -> link.to(routes.pageAsset(page, name))).orElse(""),
                pageLabel(page) + " " + page.section() + " 版面图", areas);
    }

    private static String percent(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%";
    }

    private static String pad(int number) {
        return Routes.twoDigits(number);
    }

    /** The redirect page published at one of an article's old addresses. */
    public RedirectView redirect(Article article, String aliasRoute) {
        return new RedirectView(article.title(), Routes.href(aliasRoute, routes.article(article)),
                routes.absolute(routes.article(article)));
    }

    public ArticleView article(Article article) {
        String route = routes.article(article);
        Linker link = Linker.from(route);
        Page page = archive.pageOf(article);
        Issue issue = archive.issueOn(page.date()).orElseThrow();
        List<String> meta = new ArrayList<>();
        meta.add((pageLabel(page) + " " + page.section()).strip());
        meta.add(ChineseDates.date(page.date()));
        article.bureau().ifPresent(bureau -> meta.add(bureau.name()));
        String pageHref = link.to(routes.page(page));
        String body = bodies.html(article.body());
        String summary = PrintedText.summary(body);
        return new ArticleView(chrome(route, link, article.title() + " - " + config.title(), masthead(issue), false,
                        new Social("article", article.title(), articleMeta(article, page, summary),
                                structuredData.article(article, page, issue, body, summary))),
                article.kicker(), article.title(), article.subtitle(), meta, article.dateline(),
                PrintedText.withJumpNotes(PrintedText.withDateline(body, article.dateline()),
                        article),
                PrintedText.byline(article), article.tags(),
                List.of(Link.of(link.to(routes.issue(page.date())), ChineseDates.date(page.date())),
                        Link.of(pageHref, pageLabel(page)),
                        new Link(link.to(route), article.title(), true)),
                archive.previousArticle(article).map(a -> Link.of(link.to(routes.article(a)), a.title()))
                        .orElse(null),
                archive.nextArticle(article).map(a -> Link.of(link.to(routes.article(a)), a.title())).orElse(null),
                Link.of(pageHref, "返回" + pageLabel(page)),
                page.articles().stream().filter(a -> !a.id().equals(article.id()))
                        .map(a -> articleLink(a, link, "")).toList());
    }

    public YearView year(Year year) {
        String route = routes.year(year.year());
        Linker link = Linker.from(route);
        List<Calendar> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(calendars.of(YearMonth.of(year.year(), m), null, link, false));
        }
        List<Year> years = archive.years();
        int index = years.indexOf(year);
        int issues = year.months().stream().mapToInt(month -> month.issues().size()).sum();
        return new YearView(chrome(route, link, ChineseDates.year(year.year()) + " - " + config.title(), null,
                false), ChineseDates.year(year.year()), months,
                index > 0 ? Link.of(link.to(routes.year(years.get(index - 1).year())),
                        ChineseDates.year(years.get(index - 1).year())) : null,
                index + 1 < years.size() ? Link.of(link.to(routes.year(years.get(index + 1).year())),
                        ChineseDates.year(years.get(index + 1).year())) : null,
                issues);
    }

    public MonthView month(Month month, Optional<Month> previous, Optional<Month> next) {
        String route = routes.month(month.yearMonth());
        Linker link = Linker.from(route);
        return new MonthView(chrome(route, link, ChineseDates.month(month.yearMonth()) + " - " + config.title(),
                null, false), ChineseDates.month(month.yearMonth()),
                calendars.of(month.yearMonth(), null, link, false),
                previous.map(m -> Link.of(link.to(routes.month(m.yearMonth())), ChineseDates.month(m.yearMonth())))
                        .orElse(null),
                next.map(m -> Link.of(link.to(routes.month(m.yearMonth())), ChineseDates.month(m.yearMonth())))
                        .orElse(null),
                Link.of(link.to(routes.year(month.yearMonth().getYear())),
                        ChineseDates.year(month.yearMonth().getYear())),
                month.issues().stream().map(i -> Link.of(link.to(routes.issue(i.date())),
                        ChineseDates.dateWithWeekday(i.date()) + issueNumberSuffix(i))).toList());
    }

    /** The nearest earlier (step -1) or later (step 1) month with issues, as a link; null when none. */
    private Link neighbourMonth(YearMonth month, int step, Linker link) {
        YearMonth other = archive.neighbourMonth(month, step).orElse(null);
        if (other == null) {
            return null;
        }
        return Link.of(link.to(routes.month(other)), (step < 0 ? "‹ " : "") + ChineseDates.month(other)
                + (step > 0 ? " ›" : ""));
    }

    public BureauIndexView bureauIndex() {
        String route = Routes.BUREAUS;
        Linker link = Linker.from(route);
        return new BureauIndexView(chrome(route, link, "地区 - " + config.title(), null, false),
                archive.bureaus().stream().map(desk -> new BureauIndexView.BureauSummary(
                        link.to(routes.bureau(desk.bureau(), 1)), desk.bureau().name(), desk.articles().size(),
                        desk.datelinesUsed())).toList());
    }

    /** Page {@code number} (1-based) of a bureau's list, {@code size} stories a page. */
    public BureauView bureau(BureauDesk desk, int number, int size) {
        String route = routes.bureau(desk.bureau(), number);
        Linker link = Linker.from(route);
        int total = pageCount(desk, size);
        List<Article> slice = desk.articles().subList((number - 1) * size,
                Math.min(desk.articles().size(), number * size));
        List<Link> pages = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            pages.add(new Link(link.to(routes.bureau(desk.bureau(), n)), Integer.toString(n), n == number));
        }
        BureauView.Pagination pagination = new BureauView.Pagination(number, total,
                number > 1 ? Link.of(link.to(routes.bureau(desk.bureau(), 1)), "首页") : null,
                number > 1 ? Link.of(link.to(routes.bureau(desk.bureau(), number - 1)), "上一页") : null,
                pages,
                number < total ? Link.of(link.to(routes.bureau(desk.bureau(), number + 1)), "下一页") : null,
                number < total ? Link.of(link.to(routes.bureau(desk.bureau(), total)), "末页") : null);
        String title = desk.bureau().name() + (number > 1 ? " 第" + number + "页" : "");
        return new BureauView(chrome(route, link, title + " - " + config.title(), null, false),
                desk.bureau().name(), desk.articles().size(), desk.datelinesUsed(),
                slice.stream().map(a -> articleLink(a, link, listContext(a))).toList(), pagination,
                Link.of(link.to(Routes.BUREAUS), "全部地区"));
    }

    public static int pageCount(BureauDesk desk, int size) {
        return Math.max(1, (desk.articles().size() + size - 1) / size);
    }

    public NoticeView withdrawn(Article article) {
        String route = routes.article(article);
        Linker link = Linker.from(route);
        return new NoticeView(chrome(route, link, "稿件已撤回 - " + config.title(), null, true), "稿件已撤回",
                "这篇刊登于" + ChineseDates.date(article.id().date()) + "第" + String.format("%02d", article.id().page())
                        + "版的稿件已撤回。",
                Link.of(link.to(routes.issue(article.id().date())), "查看当期报纸"));
    }

    private List<Chrome.Meta> articleMeta(Article article, Page page, String summary) {
        List<Chrome.Meta> meta = new ArrayList<>();
        meta.add(new Chrome.Meta("og:description", summary));
        meta.add(new Chrome.Meta("article:published_time", structuredData.published(page.date())));
        if (!page.section().isEmpty()) {
            meta.add(new Chrome.Meta("article:section", page.section()));
        }
        article.byline().authors().forEach(author -> meta.add(new Chrome.Meta("article:author", author)));
        article.tags().forEach(tag -> meta.add(new Chrome.Meta("article:tag", tag)));
        return meta;
    }

    public StandaloneView standalone(StandalonePage page) {
        String route = routes.standalone(page.slug());
        Linker link = Linker.from(route);
        return new StandaloneView(chrome(route, link, page.title() + " - " + config.title(), null, false),
                page.title(), page.bodyHtml());
    }

    /** The search page: its form, the bureaus to filter by, and the archives a reader without JavaScript can use. */
    public SearchView search() {
        Linker link = Linker.from(Routes.SEARCH);
        return new SearchView(chrome(Routes.SEARCH, link, "站内搜索 - " + config.title(), null, false),
                link.to(routes.themeFile("search.js")), link.to(org.broadsheet.search.SearchLayout.MANIFEST),
                archive.bureaus().stream().map(d -> Link.of(d.bureau().slug(), d.bureau().name())).toList(),
                archive.years().stream().map(y -> Link.of(link.to(routes.year(y.year())), ChineseDates.year(y.year())))
                        .toList(), Link.of(link.to(Routes.BUREAUS), "按地区浏览"));
    }

    public NoticeView notFound() {
        Linker link = Linker.rooted(routes.rootPath());
        return new NoticeView(chrome(Routes.NOT_FOUND, link, "页面未找到 - " + config.title(), null, true),
                "页面未找到", "您要找的页面不存在，可能已被移动或删除。", Link.of(link.to(Routes.HOME), "返回首页"));
    }

    private Chrome chrome(String route, Linker link, String pageTitle, Chrome.Masthead masthead, boolean noindex) {
        return chrome(route, link, pageTitle, masthead, noindex, Social.website(pageTitle));
    }

    private Chrome chrome(String route, Linker link, String pageTitle, Chrome.Masthead masthead, boolean noindex,
            Social social) {
        List<Link> nav = new ArrayList<>();
        nav.add(new Link(link.to(Routes.HOME), "首页", route.equals(Routes.HOME)));
        archive.latestIssue().ifPresent(latest -> {
            String year = routes.year(latest.date().getYear());
            nav.add(new Link(link.to(year), "往期", YEAR_OR_MONTH.matcher(route).matches()));
        });
        nav.add(new Link(link.to(Routes.BUREAUS), "地区", route.startsWith(Routes.BUREAUS)));
        SiteConfig.Footer footer = config.footer();
        List<Chrome.Meta> meta = new ArrayList<>();
        meta.add(new Chrome.Meta("og:site_name", config.title()));
        meta.add(new Chrome.Meta("og:locale", config.language().replace('-', '_')));
        meta.add(new Chrome.Meta("og:type", social.type()));
        meta.add(new Chrome.Meta("og:title", social.title()));
        meta.add(new Chrome.Meta("og:url", routes.absolute(route)));
        meta.addAll(social.extra());
        return new Chrome(config.title(), config.language(), pageTitle, routes.absolute(route), noindex,
                link.to(Routes.HOME), link.to(routes.themeFile("style.css")), link.to(routes.themeFile("site.js")),
                nav, masthead,
                new Chrome.Footer(footer.copyright(), footer.icp(), footer.icpLink(), footer.note(),
                        archive.standalone().stream().map(page -> new Link(link.to(routes.standalone(page.slug())),
                                page.title(), route.equals(routes.standalone(page.slug())))).toList()),
                meta, social.jsonLd(), config.search().enabled() ? link.to(Routes.SEARCH) : "");
    }

    /** What a page tells social sites and search engines about itself. */
    private record Social(String type, String title, List<Chrome.Meta> extra, String jsonLd) {
        static Social website(String title) {
            return new Social("website", title, List.of(), "");
        }
    }

    private Chrome.Masthead masthead(Issue issue) {
        return new Chrome.Masthead(ChineseDates.dateWithWeekday(issue.date()), issueNumber(issue), issue.edition());
    }

    private List<PageSummary> pageSummaries(Issue issue, Page current, Linker link) {
        return issue.pages().stream().map(page -> new PageSummary(link.to(routes.page(page)), pageLabel(page),
                page.section(), current != null && page.number() == current.number(),
                page.articles().stream().map(a -> articleLink(a, link, "")).toList())).toList();
    }

    private ArticleLink articleLink(Article article, Linker link, String context) {
        return new ArticleLink(link.to(routes.article(article)), article.title(), article.kicker(),
                article.subtitle(), article.dateline(), context);
    }

    private String listContext(Article article) {
        Page page = archive.pageOf(article);
        return ChineseDates.date(page.date()) + " · " + pageLabel(page);
    }

    public static String pageLabel(Page page) {
        return page.label().isEmpty() ? "第" + Routes.twoDigits(page.number()) + "版" : page.label();
    }

    private static String issueNumber(Issue issue) {
        return issue.number().isPresent() ? "总第" + issue.number().getAsInt() + "期" : "";
    }

    private static String issueNumberSuffix(Issue issue) {
        return issue.number().isPresent() ? " · 总第" + issue.number().getAsInt() + "期" : "";
    }

}
