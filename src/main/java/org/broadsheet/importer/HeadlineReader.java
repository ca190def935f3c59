package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorts a story's headline lines into kicker (引题), title and subtitle (副题): the last line not starting with a
 * dash is the title, the line above it the kicker, lines starting with a dash ("——记某某") the subtitle.
 * Above the first story of a page there may also be the page's column banner ("走进包头 看法治"), which belongs
 * to the page.
 */
final class HeadlineReader {
    private HeadlineReader() {
    }

    /**
     * @param banners column banners found above the headline
     */
    record Headline(String kicker, String title, String subtitle, List<String> banners) {
        Headline {
            banners = List.copyOf(banners);
        }
    }

    /**
     * @param firstStory whether these lines stand above the page's first story, where a banner may be printed
     * @param fallback   the story's first paragraph, to title a story printed without a headline
     * @param bodyLine   the line that paragraph starts on
     */
    static Headline read(List<SourceLine> lines, boolean firstStory, String fallback, int bodyLine,
            List<Review> reviews) {
        List<SourceLine> main = new ArrayList<>();
        List<String> subtitles = new ArrayList<>();
        for (SourceLine line : lines) {
            String text = line.text();
            if (text.startsWith("—") || text.startsWith("--")) {
                subtitles.add(text.replaceFirst("^[—\\-]+", "").strip());
            } else {
                main.add(line);
            }
        }
        List<String> banners = new ArrayList<>();
        while (firstStory && main.size() > 1 && TextShape.isSlogan(main.get(0).text())) {
            SourceLine banner = main.remove(0);
            banners.add(banner.text());
            reviews.add(new Review(banner.number(), "'" + banner.text() + "' taken as the page's column banner, "
                    + "not as the first story's kicker"));
        }
        String title;
        if (main.isEmpty()) {
            title = untitled(fallback);
            reviews.add(new Review(lines.isEmpty() ? bodyLine : lines.get(0).number(), "story without a headline: titled '"
                    + title + "' after its first words"));
        } else {
            title = main.remove(main.size() - 1).text();
        }
        String kicker = "";
        if (!main.isEmpty()) {
            kicker = String.join(" ", main.stream().map(SourceLine::text).toList());
            if (main.size() > 1) {
                reviews.add(new Review(main.get(0).number(), main.size() + " lines above the headline joined "
                        + "into one kicker: '" + kicker + "'"));
            }
        }
        return new Headline(kicker, title, String.join(" ", subtitles), banners);
    }

    /** A title for a story printed without one: its first clause, at most 20 characters. */
    private static String untitled(String fallback) {
        String clause = fallback.split("[，。！？；：]", 2)[0].strip();
        int end = clause.offsetByCodePoints(0, Math.min(20, TextShape.length(clause)));
        return clause.isEmpty() ? "无题" : clause.substring(0, end);
    }
}
