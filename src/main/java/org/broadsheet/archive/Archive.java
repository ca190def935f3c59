package org.broadsheet.archive;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.broadsheet.text.Datelines;

/**
 * The whole archive, ordered once: issues by date, pages by number, stories in reading order. Every
 * neighbour (previous/next issue, page, story) is a map lookup, so building prev/next links is linear in
 * the size of the archive. Immutable and safe to share between threads.
 */
public final class Archive {
    private final List<Issue> issues;
    private final List<Year> years;
    /** Made when first asked for (a preview of one issue never asks): a benign race, as every thread makes the same. */
    private volatile List<BureauDesk> bureaus;
    /** Every known bureau, also those without a story: what {@link #withIssues} builds the desks from again. */
    private final List<Bureau> knownBureaus;
    private final List<Article> withdrawn;
    private final List<StandalonePage> standalone;
    private final List<Article> readingOrder;
    private final List<Article> newestFirst;
    private final Map<ArticleId, Integer> articleIndex;
    private final Map<LocalDate, Integer> issueIndex;
    private final Map<ArticleId, Page> pageOfArticle;

    /**
     * @param issues     every issue, any order
     * @param bureaus    every known bureau, in the order their index should list them
     * @param withdrawn  withdrawn stories, which appear on no page or list but keep a notice at their URL
     * @param standalone pages outside the dated archive, in the order the footer lists them
     */
    public Archive(List<Issue> issues, List<Bureau> bureaus, List<Article> withdrawn,
            List<StandalonePage> standalone) {
        this.standalone = List.copyOf(standalone);
        this.knownBureaus = List.copyOf(bureaus);
        this.issues = issues.stream().sorted(Comparator.comparing(Issue::date)).toList();
        this.withdrawn = withdrawn.stream().sorted(Comparator.comparing(Article::source)).toList();
        this.years = groupByYear(this.issues);

        int stories = this.issues.stream().flatMap(issue -> issue.pages().stream())
                .mapToInt(page -> page.articles().size()).sum();
        // Sized up front: growing maps of 100,000 stories rehashes them a dozen times.
        List<Article> order = new ArrayList<>(stories);
        Map<ArticleId, Page> pages = new HashMap<>(2 * stories);
        Map<LocalDate, Integer> issuePositions = new HashMap<>(2 * this.issues.size());
        for (int i = 0; i < this.issues.size(); i++) {
            Issue issue = this.issues.get(i);
            issuePositions.put(issue.date(), i);
            for (Page page : issue.pages()) {
                for (Article article : page.articles()) {
                    order.add(article);
                    pages.put(article.id(), page);
                }
            }
        }
        this.readingOrder = List.copyOf(order);
        Map<ArticleId, Integer> positions = new HashMap<>(2 * stories);
        for (int i = 0; i < readingOrder.size(); i++) {
            positions.put(readingOrder.get(i).id(), i);
        }
        // Never modified after this point; Map.copyOf's probing table was slow to build at 100,000 stories.
        this.articleIndex = java.util.Collections.unmodifiableMap(positions);
        this.issueIndex = java.util.Collections.unmodifiableMap(issuePositions);
        this.pageOfArticle = java.util.Collections.unmodifiableMap(pages);
        this.newestFirst = newestFirst(this.issues);
    }

    /**
     * This archive with the issues of {@code dates} as given: {@code issues} (each on one of those dates) take
     * their places, an issue of those dates not among them is gone, and the withdrawn stories of those dates are
     * {@code withdrawn}. Everything else is as it was; what depends on the whole archive (neighbours, bureau
     * lists) is worked out again.
     */
    public Archive withIssues(Set<LocalDate> dates, List<Issue> issues, List<Article> withdrawn) {
        List<Issue> kept = new ArrayList<>(this.issues.size() + issues.size());
        for (Issue issue : this.issues) {
            if (!dates.contains(issue.date())) {
                kept.add(issue);
            }
        }
        kept.addAll(issues);
        List<Article> gone = new ArrayList<>(withdrawn);
        for (Article article : this.withdrawn) {
            if (!dates.contains(article.id().date())) {
                gone.add(article);
            }
        }
        return new Archive(kept, knownBureaus, gone, standalone);
    }

    /** Issues in date order, oldest first. */
    public List<Issue> issues() {
        return issues;
    }

    public Optional<Issue> latestIssue() {
        return issues.isEmpty() ? Optional.empty() : Optional.of(issues.get(issues.size() - 1));
    }

    public List<Year> years() {
        return years;
    }

    /** Bureaus that filed at least one published story, in the gazetteer's order; stories newest first. */
    public List<BureauDesk> bureaus() {
        List<BureauDesk> desks = bureaus;
        if (desks == null) {
            desks = deskList(knownBureaus, newestFirst);
            bureaus = desks;
        }
        return desks;
    }

    public List<Article> withdrawn() {
        return withdrawn;
    }

    public List<StandalonePage> standalone() {
        return standalone;
    }

    /** Every published story: by date, page and reading order within the page. */
    public List<Article> readingOrder() {
        return readingOrder;
    }

    /** The nearest earlier ({@code step} -1) or later (1) month that has issues. */
    public Optional<YearMonth> neighbourMonth(YearMonth month, int step) {
        List<Month> months = years().stream().flatMap(year -> year.months().stream()).toList();
        int index = -1;
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).yearMonth().equals(month)) {
                index = i;
            }
        }
        int target = index + step;
        if (index < 0 || target < 0 || target >= months.size()) {
            return Optional.empty();
        }
        return Optional.of(months.get(target).yearMonth());
    }

    public Optional<Issue> previousIssue(Issue issue) {
        int index = issueIndex.get(issue.date());
        return index > 0 ? Optional.of(issues.get(index - 1)) : Optional.empty();
    }

    public Optional<Issue> nextIssue(Issue issue) {
        int index = issueIndex.get(issue.date());
        return index + 1 < issues.size() ? Optional.of(issues.get(index + 1)) : Optional.empty();
    }

    public Optional<Issue> issueOn(LocalDate date) {
        Integer index = issueIndex.get(date);
        return index == null ? Optional.empty() : Optional.of(issues.get(index));
    }

    public Page pageOf(Article article) {
        return pageOfArticle.get(article.id());
    }

    /** The story read before this one: earlier on its page, or the last of an earlier page or issue. */
    public Optional<Article> previousArticle(Article article) {
        int index = articleIndex.get(article.id());
        return index > 0 ? Optional.of(readingOrder.get(index - 1)) : Optional.empty();
    }

    public Optional<Article> nextArticle(Article article) {
        int index = articleIndex.get(article.id());
        return index + 1 < readingOrder.size() ? Optional.of(readingOrder.get(index + 1)) : Optional.empty();
    }

    public static Optional<Page> previousPage(Issue issue, Page page) {
        int index = positionOf(issue, page);
        return index > 0 ? Optional.of(issue.pages().get(index - 1)) : Optional.empty();
    }

    public static Optional<Page> nextPage(Issue issue, Page page) {
        int index = positionOf(issue, page);
        return index >= 0 && index + 1 < issue.pages().size() ? Optional.of(issue.pages().get(index + 1))
                : Optional.empty();
    }

    /** By page number: a record's equals would compare every story on the page, body and all. */
    private static int positionOf(Issue issue, Page page) {
        for (int i = 0; i < issue.pages().size(); i++) {
            if (issue.pages().get(i).number() == page.number()) {
                return i;
            }
        }
        return -1;
    }

    private static List<Year> groupByYear(List<Issue> sortedIssues) {
        Map<Integer, Map<YearMonth, List<Issue>>> byYear = new TreeMap<>();
        for (Issue issue : sortedIssues) {
            byYear.computeIfAbsent(issue.date().getYear(), y -> new TreeMap<>())
                    .computeIfAbsent(YearMonth.from(issue.date()), m -> new ArrayList<>())
                    .add(issue);
        }
        List<Year> result = new ArrayList<>();
        byYear.forEach((year, months) -> result.add(new Year(year,
                months.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue())).toList())));
        return List.copyOf(result);
    }

    /**
     * Stories newest first: the latest issue's stories in reading order, then the issue before, and so on.
     * This is the order of feeds and bureau lists, where a reader expects page 1's lead story first.
     */
    public List<Article> newest(int limit) {
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    private static List<Article> newestFirst(List<Issue> sortedIssues) {
        List<Article> result = new ArrayList<>();
        for (int i = sortedIssues.size() - 1; i >= 0; i--) {
            for (Page page : sortedIssues.get(i).pages()) {
                result.addAll(page.articles());
            }
        }
        return result;
    }

    private static List<BureauDesk> deskList(List<Bureau> bureaus, List<Article> newestFirst) {
        Map<String, List<Article>> bySlug = new LinkedHashMap<>();
        Map<String, LinkedHashSet<String>> datelines = new HashMap<>();
        for (Bureau bureau : bureaus) {
            bySlug.put(bureau.slug(), new ArrayList<>());
            datelines.put(bureau.slug(), new LinkedHashSet<>());
        }
        for (Article article : newestFirst) {
            article.bureau().ifPresent(bureau -> {
                bySlug.computeIfAbsent(bureau.slug(), s -> new ArrayList<>()).add(article);
                // Only datelines naming one of the bureau's places: a newsroom story (本报讯) assigned to the
                // bureau by hand says nothing about where the bureau files from.
                if (bureau.datelines().contains(Datelines.placeOf(article.dateline()))) {
                    datelines.computeIfAbsent(bureau.slug(), s -> new LinkedHashSet<>()).add(article.dateline());
                }
            });
        }
        List<BureauDesk> desks = new ArrayList<>();
        for (Bureau bureau : bureaus) {
            List<Article> filed = bySlug.get(bureau.slug());
            if (!filed.isEmpty()) {
                desks.add(new BureauDesk(bureau, filed,
                        datelines.get(bureau.slug()).stream().sorted().toList()));
            }
        }
        return List.copyOf(desks);
    }
}
