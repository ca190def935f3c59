package org.broadsheet.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the known word a typo was probably meant to be, for "did you mean" hints. */
public final class ClosestWord {
    private ClosestWord() {
    }

    /** The candidate nearest to {@code word} by edit distance, if it is near enough to be a plausible typo. */
    public static Optional<String> among(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates.stream().sorted().toList()) {
            int distance = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, word.length() / 3);
        return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Up to {@code limit} candidates nearest to {@code word}, nearest first (ties in name order), keeping only
     * those at most {@code maxDistance} edits away; for "did you mean one of …" hints over short words, such as
     * Chinese place names, where a single closest word would hide the others.
     */
    public static List<String> nearest(String word, Collection<String> candidates, int limit, int maxDistance) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        record Scored(String candidate, int distance) {
        }
        return candidates.stream().distinct()
                .map(c -> new Scored(c, distance(lower, c.toLowerCase(java.util.Locale.ROOT))))
                .filter(s -> s.distance() <= maxDistance)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .limit(limit)
                .map(Scored::candidate)
                .toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
