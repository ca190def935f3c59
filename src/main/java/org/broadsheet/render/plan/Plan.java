package org.broadsheet.render.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.render.Routes;
import org.broadsheet.render.feed.SitemapWriter;

/**
 * What the planners declare, in their order: the outputs, the pages the sitemap lists (in the order it lists
 * them), and the problems found while planning (an unsafe alias).
 */
final class Plan {
    private final Routes routes;
    private final Problems problems;
    private final List<Output> outputs = new ArrayList<>();
    private final List<Output> last = new ArrayList<>();
    private final List<List<Output>> batches = new ArrayList<>();
    private final List<SitemapWriter.Entry> sitemap = new ArrayList<>();

    Plan(Routes routes, Problems problems) {
        this.routes = routes;
        this.problems = problems;
    }

    void add(Output output) {
        outputs.add(output);
    }

    /**
     * Adds outputs that are made together, by one long piece of work, and then produced in their order on one
     * thread: a search segment's files, which one indexing of its stories makes.
     */
    void addBatch(List<Output> batch) {
        batches.add(List.copyOf(batch));
    }

    /**
     * Adds an output produced only once every other output was: one that sums up what others produced (the search
     * index's term directory reads the terms of the segments indexed in this build).
     */
    void addLast(Output output) {
        last.add(output);
    }

    /** Lists the page at {@code route} in the sitemap, last changed on {@code lastModified} (may be empty). */
    void listInSitemap(String route, String lastModified) {
        sitemap.add(new SitemapWriter.Entry(routes.absolute(route), lastModified));
    }

    void listInSitemap(String route, Optional<LocalDate> lastModified) {
        listInSitemap(route, lastModified.map(LocalDate::toString).orElse(""));
    }

    void problem(Problem problem) {
        problems.add(problem);
    }

    List<Output> outputs() {
        return outputs;
    }

    List<List<Output>> batches() {
        return batches;
    }

    /** How many outputs there are, batched or not. */
    int size() {
        return outputs.size() + last.size() + batches.stream().mapToInt(List::size).sum();
    }

    List<Output> lastOutputs() {
        return last;
    }

    List<SitemapWriter.Entry> sitemap() {
        return sitemap;
    }
}
