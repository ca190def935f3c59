package org.broadsheet.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.ArticleId;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.archive.Issue;
import org.broadsheet.archive.Page;
import org.broadsheet.config.SiteConfig;

/**
 * The keys of the pages that make up the archive's bulk (stories, printed pages, issues, bureau lists, feeds):
 * for each, a text of everything its view in {@link ViewFactory} reads, far cheaper to make than the view (no
 * body read from disk, no JSON-LD, no relative links), which matters because a rebuild asks it of every page
 * of a changed issue and of every bureau list. The planners declare each page's view and key side by side;
 * {@code ViewKeyCoverageTest} changes every field of the model, one at a time, and checks that whenever a view
 * changes its key changes too. Digests of issues and stories are made once and shared by all keys.
 */
public final class ViewInputs {
    private final Archive archive;
    private final SiteConfig config;
    private final Map<LocalDate, String> issueDigests;
    private final Map<Long, String> pageLinks = new ConcurrentHashMap<>();
    private final Map<ArticleId, String> articleDigests;
    /** Computed once; a benign race, as every thread computes the same text. */
    private volatile String siteInputs;

    public ViewInputs(Archive archive, SiteConfig config) {
        this.archive = archive;
        this.config = config;
        // Sized for the whole archive up front: growing a map of 100,000 digests copies it a dozen times.
        this.issueDigests = new ConcurrentHashMap<>(Math.max(16, archive.issues().size()));
        this.articleDigests = new ConcurrentHashMap<>(Math.max(16, archive.readingOrder().size()));
    }

    /**
     * Everything {@link ViewFactory#article} reads, as text: equal texts give equal article pages. Much cheaper than
     * building the view (no JSON-LD, no relative links, no body), which matters because a rebuild asks it of
     * every story in the archive. Keep it in step with {@link ViewFactory#article}; {@code IncrementalBuildTest} edits
     * each of these inputs and compares the result with a build from scratch.
     */
    public String article(Article article) {
        Page page = archive.pageOf(article);
        Issue issue = archive.issueOn(page.date()).orElseThrow();
        StringBuilder inputs = new StringBuilder(512).append(siteInputs()).append('\n')
                .append(articleDigest(article)).append('\n')
                .append(page.date()).append(' ').append(page.number()).append(' ').append(page.label()).append(' ')
                .append(page.section()).append('\n')
                .append(issue.number()).append(' ').append(issue.edition()).append('\n');
        archive.previousArticle(article).ifPresent(a -> linkInputs(inputs.append("previous "), a));
        archive.nextArticle(article).ifPresent(a -> linkInputs(inputs.append("next "), a));
        return inputs.append("on the page ").append(pageLinks(page)).toString();
    }

    /** A digest of how every story of {@code page} is linked to; once per page, for all its stories' inputs. */
    private String pageLinks(Page page) {
        return pageLinks.computeIfAbsent(page.date().toEpochDay() * 1000 + page.number(), key -> {
            StringBuilder links = new StringBuilder(1024);
            page.articles().forEach(article -> linkInputs(links, article));
            return Fingerprints.of(links.toString());
        });
    }

    /**
     * Everything {@link ViewFactory#page} reads, as text: the whole issue (every page and story, bodies' tokens included,
     * which is more than the page shows but is cheap and safe), the page's number and the neighbouring issues.
     */
    public String page(Issue issue, Page page) {
        return siteInputs() + "\n" + issueDigest(issue) + "\npage " + page.number() + "\n" + neighbourDates(issue);
    }

    /**
     * Everything {@link ViewFactory#bureau} reads, as text: the bureau, how many stories and pages it has, the datelines
     * it used, and the listed stories with where they were printed.
     */
    public String bureau(BureauDesk desk, int number, int size) {
        StringBuilder inputs = new StringBuilder(4096).append(siteInputs()).append('\n').append(desk.bureau())
                .append(' ').append(number).append(' ').append(ViewFactory.pageCount(desk, size)).append(' ')
                .append(desk.articles().size()).append(' ').append(desk.datelinesUsed()).append('\n');
        for (Article article : desk.articles().subList((number - 1) * size,
                Math.min(desk.articles().size(), number * size))) {
            // The list names where each story was printed: its date and page number are in its link inputs,
            // so only the page's label is added (formatting the date as the list shows it costs more).
            linkInputs(inputs, article);
            inputs.append(archive.pageOf(article).label()).append('\n');
        }
        return inputs.toString();
    }

    /**
     * Everything a feed reads, as text: the site's settings, the feed's folder, its updated time and its
     * stories, each by its digest (which covers the body by its token).
     */
    public String feed(String dir, List<Article> items, String updated) {
        StringBuilder inputs = new StringBuilder(64 + 20 * items.size()).append(siteInputs()).append('\n')
                .append(dir).append('\n').append(updated).append('\n');
        items.forEach(article -> inputs.append(articleDigest(article)).append('\n'));
        return inputs.toString();
    }

    /** The dates of the issues before and after {@code issue}, which its pages link to. */
    private String neighbourDates(Issue issue) {
        return "previous " + archive.previousIssue(issue).map(Issue::date).orElse(null) + " next "
                + archive.nextIssue(issue).map(Issue::date).orElse(null);
    }

    /**
     * A digest of the whole issue: its fields, its pages' fields and its stories' digests. Once per issue. Lists
     * are taken item by item: a list's text cannot tell two banners from one banner holding ", ".
     */
    private String issueDigest(Issue issue) {
        return issueDigests.computeIfAbsent(issue.date(), date -> {
            Fingerprints.Hasher digest = new Fingerprints.Hasher().add(issue.date().toEpochDay())
                    .add(issue.number().isPresent() ? 1 : 0).add(issue.number().orElse(0)).add(issue.edition())
                    .add(issue.note()).add(issue.pages().size());
            for (Page page : issue.pages()) {
                // Every component of Page but its stories, which are represented by their digests.
                digest.add(page.date().toEpochDay()).add(page.number()).add(page.label()).add(page.section())
                        .add(page.editors().size());
                page.editors().forEach(editor -> digest.add(editor.role()).add(editor.name()));
                digest.addAll(page.banners()).add(page.image().orElse("\u0000none"))
                        .add(page.pdf().orElse("\u0000none")).addAll(page.assets()).add(page.articles().size());
                for (Article article : page.articles()) {
                    digest.add(articleDigest(article));
                }
            }
            return digest.hex();
        });
    }

    /** A digest of every field of a story (its body by token). Once per story. */
    String articleDigest(Article article) {
        return articleDigests.computeIfAbsent(article.id(), id -> digestOf(article));
    }

    /**
     * Every component of {@link Article}, taken one by one: the record's own toString would also spell out
     * each bureau's list of datelines and each date's formatting, for every story, on every rebuild. The
     * bureau's datelines come from site.yml, which {@link #siteInputs} covers. {@code ArticleDigestTest} checks
     * that a change to any component changes the digest.
     */
    private static String digestOf(Article a) {
        Fingerprints.Hasher digest = new Fingerprints.Hasher().add(a.id().date().toEpochDay()).add(a.id().page())
                .add(a.id().slug()).add(a.source()).add(a.title()).add(a.kicker()).add(a.subtitle())
                .add(a.dateline());
        a.bureau().ifPresentOrElse(bureau -> digest.add(bureau.slug()).add(bureau.name()), () -> digest.add(-1));
        digest.addAll(a.byline().authors()).add(a.byline().source()).addAll(a.tags()).add(a.body().token())
                .add(a.withdrawn() ? 1 : 0).add(a.continuesOn().isPresent() ? 1 : 0).add(a.continuesOn().orElse(0))
                .add(a.area().size());
        a.area().forEach(corner -> digest.add(Double.doubleToLongBits(corner)));
        return digest.addAll(a.aliases()).add(a.extra().toString()).hex();
    }

    /**
     * Everything {@link ViewFactory#issue} reads, as text: the whole issue (as for {@link #page}), the neighbouring
     * issues, the days of its month that have an issue, and the nearest months with issues.
     */
    public String issue(Issue issue) {
        YearMonth month = YearMonth.from(issue.date());
        StringBuilder inputs = new StringBuilder(256).append(siteInputs()).append('\n').append(issueDigest(issue))
                .append('\n').append(neighbourDates(issue)).append("\ndays");
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            if (archive.issueOn(month.atDay(day)).isPresent()) {
                inputs.append(' ').append(day);
            }
        }
        return inputs.append("\nmonths ").append(archive.neighbourMonth(month, -1).orElse(null)).append(' ')
                .append(archive.neighbourMonth(month, 1).orElse(null)).toString();
    }

    /**
     * Everything the issue's own pages read, as text: its issue page, its printed pages and its stories' pages
     * (see {@code render.plan.IssueGroup}). It must cover {@link #issue}, {@link #page} and
     * {@link #article} of all of them, and does so with the issue page's inputs (the site's settings, the
     * issue's digest with every page's fields and every story's digest, its neighbours and its month) and, for
     * each story, which stories its previous and next links name: one inside the issue by its place, since its
     * digest is already part of the issue's, one outside by what the link shows. The rest of a story's inputs
     * (its page's and issue's fields, how its page's stories are linked) is part of the issue's digest.
     * {@code IncrementalBuildTest} edits each input, at an issue's edges too, and compares with a build from
     * scratch.
     */
    public String issueGroup(Issue issue) {
        StringBuilder inputs = new StringBuilder(1024).append(issue(issue)).append("\nstories");
        for (Page page : issue.pages()) {
            for (Article article : page.articles()) {
                neighbourInputs(inputs.append("\n"), issue, archive.previousArticle(article));
                neighbourInputs(inputs.append(' '), issue, archive.nextArticle(article));
            }
        }
        return inputs.toString();
    }

    private static void neighbourInputs(StringBuilder inputs, Issue issue, Optional<Article> neighbour) {
        if (neighbour.isEmpty()) {
            inputs.append('-');
        } else if (neighbour.get().id().date().equals(issue.date())) {
            inputs.append(neighbour.get().id().page()).append('/').append(neighbour.get().id().slug());
        } else {
            linkInputs(inputs, neighbour.get());
        }
    }

    private static void linkInputs(StringBuilder inputs, Article article) {
        ArticleId id = article.id();
        inputs.append(id.date().toEpochDay()).append(' ').append(id.page()).append(' ').append(id.slug()).append('\u0001').append(article.title()).append('\u0001').append(article.kicker())
                .append('\u0001').append(article.subtitle()).append('\u0001').append(article.dateline()).append('\n');
    }

    /** A digest of what every page's frame shows: the site's settings, standalone pages, the newest year. */
    private String siteInputs() {
        String inputs = siteInputs;
        if (inputs == null) {
            inputs = Fingerprints.of(config.toString(), archive.standalone().stream()
                    .map(p -> p.slug() + "\u0001" + p.title()).toList().toString(),
                    Integer.toString(archive.latestIssue().map(i -> i.date().getYear()).orElse(0)));
            siteInputs = inputs;
        }
        return inputs;
    }
}
