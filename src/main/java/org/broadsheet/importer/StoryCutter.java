package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts the lines after a page's head into stories. Two things mark where a story begins: the dateline that
 * opens its first paragraph (the story then begins with the headline lines just above it, however many blank
 * lines stand between them), and the byline that closes the story before it. Everything between two such
 * marks is one story: its headline lines first, then its body.
 */
final class StoryCutter {
    /** Kicker, headline, subtitle, and one line to spare for a banner printed above the first story. */
    private static final int MAX_HEADLINE_LINES = 4;

    private StoryCutter() {
    }

    /** A stretch of the page between two story marks: headline-like lines, then the rest. */
    record Segment(List<SourceLine> headline, List<SourceLine> body) {
        Segment {
            headline = List.copyOf(headline);
            body = List.copyOf(body);
        }
    }

    static List<Segment> cut(List<SourceLine> lines) {
        TreeSet<Integer> starts = new TreeSet<>(List.of(0));
        for (int i = 0; i < lines.size(); i++) {
            if (endsStory(lines, i)) {
                starts.add(i + 1);
            }
        }
        for (int d = 0; d < lines.size(); d++) {
            if (DatelineReader.opens(lines.get(d).text()) && startsParagraph(lines, d)) {
                int floor = starts.floor(d);
                int g = d;
                while (g > floor && d - g < MAX_HEADLINE_LINES && isHeadlineLine(lines.get(g - 1).text())) {
                    g--;
                }
                starts.add(g);
            }
        }
        starts.add(lines.size());
        List<Segment> segments = new ArrayList<>();
        Integer from = starts.first();
        for (Integer to = starts.higher(from); to != null; from = to, to = starts.higher(to)) {
            if (to > from) {
                segments.add(split(lines.subList(from, to)));
            }
        }
        return segments;
    }

    /** A line after which the next story starts: a byline, on its own line or closing the paragraph. */
    private static boolean endsStory(List<SourceLine> lines, int i) {
        String text = lines.get(i).text();
        boolean lastOfParagraph = i + 1 >= lines.size() || lines.get(i + 1).afterBlank();
        return CreditReader.ownLine(text).isPresent()
                || lastOfParagraph && !TextShape.isHeadlineLike(text) && CreditReader.trailing(text).isPresent();
    }

    private static boolean startsParagraph(List<SourceLine> lines, int i) {
        return i == 0 || lines.get(i).afterBlank() || isHeadlineLine(lines.get(i - 1).text());
    }

    private static boolean isHeadlineLine(String text) {
        return TextShape.isHeadlineLike(text) && !DatelineReader.opens(text) && CreditReader.ownLine(text).isEmpty();
    }

    private static Segment split(List<SourceLine> lines) {
        int body = 0;
        while (body < lines.size() && body < MAX_HEADLINE_LINES && isHeadlineLine(lines.get(body).text())) {
            body++;
        }
        return new Segment(lines.subList(0, body), lines.subList(body, lines.size()));
    }
}
