package org.broadsheet.markdown;

import java.util.Arrays;

/**
 * The HTML heading levels of an article body's Markdown headings. A body is printed under its page's own {@code h1}
 * (the headline), so a writer's {@code #} must not make a second {@code h1}, and a body that starts at {@code ###}
 * must not jump from the headline's {@code h1} to an {@code h3}: screen readers navigate by heading level, and
 * the Nu Html Checker reports skipped levels as errors.
 *
 * <p>So the levels a body uses are renumbered by rank: the highest (fewest {@code #}) becomes {@code h2}, the next
 * {@code h3}, and so on up to {@code h6}. A heading then never goes more than one level deeper than the one before
 * it (the first one counts from the page's {@code h1}), which keeps a body that starts with {@code ###} and later
 * has {@code ##} from skipping too. Both engines call this with the same levels and so agree.
 */
final class BodyHeadings {
    /** The page's own heading, under which the body sits. */
    private static final int PAGE_LEVEL = 1;
    private static final int DEEPEST = 6;

    private BodyHeadings() {
    }

    /**
     * @param markdownLevels the level (1–6) of every heading of one body, in document order
     * @return the HTML level of each, same order
     */
    static int[] htmlLevels(int[] markdownLevels) {
        int[] used = Arrays.stream(markdownLevels).distinct().sorted().toArray();
        int[] html = new int[markdownLevels.length];
        int previous = PAGE_LEVEL;
        for (int i = 0; i < markdownLevels.length; i++) {
            int rank = Arrays.binarySearch(used, markdownLevels[i]);
            int level = Math.min(DEEPEST, Math.min(PAGE_LEVEL + 1 + rank, previous + 1));
            html[i] = level;
            previous = level;
        }
        return html;
    }
}
