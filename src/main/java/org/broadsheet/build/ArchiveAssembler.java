package org.broadsheet.build;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.Bureau;
import org.broadsheet.archive.Byline;
import org.broadsheet.archive.Editor;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.archive.StandalonePage;
import org.broadsheet.config.BureauEntry;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.content.ArticleSource;
import org.broadsheet.content.ContentScan;
import org.broadsheet.content.FrontMatter;
import org.broadsheet.content.IssueSource;
import org.broadsheet.content.PageSource;
import org.broadsheet.content.StandaloneSource;
import org.broadsheet.markdown.GuardedMarkdown;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.yaml.ClosestWord;

/**
 * Turns what was read from {@code content/} into the archive model: finds each story's bureau from its
 * dateline, orders stories on their pages, and renders the standalone pages (drafts only when asked).
 * Article bodies arrive rendered, from {@link ArticleStage}.
 */
final class ArchiveAssembler {
    private final GuardedMarkdown markdown;
    private final LinkCheck links;
    private final Gazetteer gazetteer;
    /** The gazetteer's entries as the model's bureaus, in its order, each made once and shared by its stories. */
    private final List<Bureau> bureaus;
    private final Map<String, Bureau> bureauNamed;
    private final boolean includeDrafts;

    ArchiveAssembler(GuardedMarkdown markdown, LinkCheck links, Gazetteer gazetteer, boolean includeDrafts) {
        this.markdown = markdown;
        this.links = links;
        this.gazetteer = gazetteer;
        this.bureaus = gazetteer.bureaus().stream().map(ArchiveAssembler::toModel).toList();
        Map<String, Bureau> named = new HashMap<>();
        for (Bureau bureau : bureaus) {
            named.put(bureau.name(), bureau);
        }
        this.bureauNamed = Map.copyOf(named);
        this.includeDrafts = includeDrafts;
    }

    /** The model's bureau for a gazetteer entry: configuration stops here, the archive starts. */
    static Bureau toModel(BureauEntry entry) {
        return new Bureau(entry.name(), entry.slug(), entry.datelines());
    }

    Archive assemble(ContentScan content, List<ArticleStage.Prepared> prepared, Problems problems) {
        // Sized up front: growing maps of 100,000 stories rehashes them a dozen times.
        Map<Path, List<ArticleSource>> byPage = new HashMap<>(2 * content.pages().size());
        // By identity: a source's hash code would walk its whole front matter.
        Map<ArticleSource, Article> articleOf = new java.util.IdentityHashMap<>(prepared.size());
        List<Article> withdrawn = new ArrayList<>();
        for (ArticleStage.Prepared item : prepared) {
            Optional<Article> article = toArticle(item, problems);
            if (article.isEmpty()) {
                continue;
            }
            if (article.get().withdrawn()) {
                withdrawn.add(article.get());
            } else {
                ArticleSource source = item.source();
                byPage.computeIfAbsent(source.file().getParent(), dir -> new ArrayList<>()).add(source);
                articleOf.put(source, article.get());
            }
        }

        Map<LocalDate, List<Page>> pagesByDate = new TreeMap<>();
        for (PageSource pageSource : content.pages()) {
            List<ArticleSource> sources = new ArrayList<>(byPage.getOrDefault(pageSource.dir(), List.of()));
            sources.sort(Comparator.comparingInt((ArticleSource s) -> s.front().order().orElse(s.position()))
                    .thenComparing(s -> s.file().getFileName().toString()));
            List<Article> articles = uniqueSlugs(sources, problems).stream().map(articleOf::get).toList();
            if (articles.isEmpty()) {
                problems.add(Problem.warning(pageSource.dir(), 0, 0, "page has no published articles",
                        "add an article, or remove the page folder"));
                continue;
            }
            List<Editor> editors = pageSource.editors().entrySet().stream()
                    .map(e -> new Editor(e.getKey(), e.getValue())).toList();
            pagesByDate.computeIfAbsent(pageSource.date(), d -> new ArrayList<>()).add(new Page(pageSource.date(),
                    pageSource.number(), pageSource.label(), pageSource.section(), editors, pageSource.banners(),
                    pageSource.image(), pageSource.pdf(), articles, pageSource.assets()));
        }

        Set<LocalDate> datesWithPageFolders = new HashSet<>();
        content.pages().forEach(page -> datesWithPageFolders.add(page.date()));
        List<Issue> issues = new ArrayList<>();
        for (IssueSource issue : content.issues()) {
            List<Page> pages = pagesByDate.getOrDefault(issue.date(), List.of()).stream()
                    .sorted(Comparator.comparingInt(Page::number)).toList();
            if (!pages.isEmpty()) {
                issues.add(new Issue(issue.date(), issue.number(), issue.edition(), issue.note(), pages));
                warnOfJumpsToNowhere(pages, problems);
            } else if (!datesWithPageFolders.contains(issue.date())) { // else each empty page was warned of
                problems.add(Problem.warning(ContentLayout.issueSettings(issue.date()), 0, 0, "issue has no pages",
                        "add its pages as NN/ folders beside _issue.yml, or remove the issue folder"));
            }
        }
        return new Archive(issues, bureaus, withdrawn, standalone(content, problems));
    }

    /** A story that jumps (转第N版) to a page its issue does not have would print a link to nothing. */
    private static void warnOfJumpsToNowhere(List<Page> pages, Problems problems) {
        Set<Integer> numbers = new HashSet<>();
        pages.forEach(page -> numbers.add(page.number()));
        for (Page page : pages) {
            for (Article article : page.articles()) {
                article.continuesOn().ifPresent(target -> {
                    if (!numbers.contains(target)) {
                        problems.add(Problem.warning(Path.of(article.source()), 0, 0, "continues: " + target
                                + " names a page this issue does not have", "correct the page number, or add the page"));
                    }
                });
            }
        }
    }

    private List<StandalonePage> standalone(ContentScan content, Problems problems) {
        List<StandaloneSource> wanted = new ArrayList<>(content.standalone().stream()
                .filter(page -> includeDrafts || !page.draft()).toList());
        Map<StandaloneSource, Integer> position = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            position.put(wanted.get(i), i + 1);
        }
        wanted.sort(Comparator.comparingInt((StandaloneSource s) -> s.order().orElse(position.get(s)))
                .thenComparing(s -> s.file().toString()));
        List<StandalonePage> pages = new ArrayList<>();
        Map<String, StandaloneSource> seen = new HashMap<>();
        for (StandaloneSource source : wanted) {
            StandaloneSource first = seen.putIfAbsent(source.slug().toLowerCase(java.util.Locale.ROOT), source);
            if (first != null) {
                problems.add(Problem.error(source.file(), 0, 0, "slug '" + source.slug() + "' is already used by "
                        + first.file().toString().replace('\\', '/'), "give one of them another 'slug:'"));
                continue;
            }
            GuardedMarkdown.Outcome body = markdown.render(source.body());
            if (body.failure().isPresent()) {
                problems.add(Problem.error(source.file(), source.bodyFirstLine(), 0, body.failure().get(),
                        "simplify the page's Markdown"));
                continue;
            }
            if (!links.checkStandalone(source, body.targets().stream()
                    .map(target -> target.atLine(source.bodyFirstLine() - 1 + target.line())).toList(), problems)) {
                continue;
            }
            pages.add(new StandalonePage(source.slug(), source.title(), source.file().toString().replace('\\', '/'),
                    body.html()));
        }
        return pages;
    }

    private List<ArticleSource> uniqueSlugs(List<ArticleSource> sources, Problems problems) {
        Map<String, ArticleSource> seen = new HashMap<>();
        List<ArticleSource> unique = new ArrayList<>();
        for (ArticleSource source : sources) {
            ArticleSource first = seen.putIfAbsent(source.slug().toLowerCase(java.util.Locale.ROOT), source);
            if (first == null) {
                unique.add(source);
            } else {
                problems.add(Problem.error(source.file(), 0, 0, "slug '" + source.slug()
                        + "' is already used by " + first.file().toString().replace('\\', '/'),
                        "give one of them another 'slug:'"));
            }
        }
        return unique;
    }

    private Optional<Article> toArticle(ArticleStage.Prepared prepared, Problems problems) {
        ArticleSource source = prepared.source();
        FrontMatter front = source.front();
        Optional<Bureau> bureau = bureauOf(source, problems);
        if (bureau.isEmpty() && !front.bureau().isEmpty()) {
            return Optional.empty(); // the unknown bureau is already reported
        }
        if (bureau.isEmpty() && front.bureau().isEmpty() && !front.dateline().isEmpty()
                && !Gazetteer.isNewsroom(front.dateline())) {
            problems.add(Problem.warning(source.file(), front.lineOf("dateline"), 0,
                    "unknown dateline '" + front.dateline() + "'",
                    "add it to a bureau's datelines in site.yml, or set 'bureau:'"));
        }
        return Optional.of(new Article(new ArticleId(source.date(), source.page(), source.slug()),
                source.file().toString().replace('\\', '/'), front.title(), front.kicker(), front.subtitle(),
                front.dateline(), bureau, new Byline(front.authors(), front.source()), front.tags(),
                prepared.body(),
                front.withdrawn(), front.continues(), front.area(), front.aliases(), front.extra()));
    }

    private Optional<Bureau> bureauOf(ArticleSource source, Problems problems) {
        String name = source.front().bureau();
        if (!name.isEmpty()) {
            Optional<Bureau> named = gazetteer.byName(name).map(this::modelOf);
            if (named.isEmpty()) {
                String hint = ClosestWord.among(name, bureaus.stream().map(Bureau::name).toList())
                        .map(close -> "did you mean '" + close + "'?")
                        .orElse("use a bureau's full name, e.g. 包头市, or add it under bureaus: in site.yml");
                problems.add(Problem.error(source.file(), source.front().lineOf("bureau"), 0,
                        "unknown bureau '" + name + "'", hint));
            }
            return named;
        }
        return source.front().dateline().isEmpty() ? Optional.empty() : gazetteer.byDateline(
                source.front().dateline()).map(this::modelOf);
    }

    private Bureau modelOf(BureauEntry entry) {
        return bureauNamed.get(entry.name());
    }
}
