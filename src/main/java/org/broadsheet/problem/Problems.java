package org.broadsheet.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A thread-safe collector of problems. Worker threads report in any order; {@link #sorted()} gives the
 * deterministic order used for printing.
 */
public final class Problems {
    private final List<Problem> all = new ArrayList<>();

    public synchronized void add(Problem problem) {
        all.add(problem);
    }

    public synchronized void addAll(Collection<Problem> problems) {
        all.addAll(problems);
    }

    public synchronized boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    public synchronized long errorCount() {
        return all.stream().filter(Problem::isError).count();
    }

    public synchronized long warningCount() {
        return all.size() - errorCount();
    }

    public synchronized List<Problem> sorted() {
        return all.stream().sorted(Problem.ORDER).distinct().toList();
    }
}
