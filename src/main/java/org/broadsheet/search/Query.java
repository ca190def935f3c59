package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's query, read as {@code search.js} reads it: terms apart by white space must all match; a term in
 * double quotes ("…" or “…”) is a phrase that may hold spaces. Each term is cut into runs of units at
 * punctuation, and a story matches when every run occurs in it. At most {@value #MAX_RUNS} runs count.
 */
public record Query(List<List<SearchText.Unit>> runs) {
    public static final int MAX_RUNS = 12;
    private static final Pattern TERM = Pattern.compile("[\"“”]([^\"“”]*)[\"“”]?|[^\\s\"“”]+");

    public Query {
        runs = runs.stream().map(List::copyOf).toList();
    }

    public static Query parse(String text) {
        List<List<SearchText.Unit>> runs = new ArrayList<>();
        Matcher term = TERM.matcher(text);
        while (term.find()) {
            List<SearchText.Unit> run = new ArrayList<>();
            String body = term.group(1) != null ? term.group(1) : term.group();
            for (SearchText.Unit unit : SearchText.units(SearchText.normalize(body))) {
                if (unit.gap() == SearchText.BROKEN && !run.isEmpty()) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
                run.add(unit);
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        return new Query(runs.subList(0, Math.min(MAX_RUNS, runs.size())));
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }
}
