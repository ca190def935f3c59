package org.broadsheet.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadsheet.config.BureauEntry;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.content.ArticleWriter;
import org.broadsheet.problem.Problem;

/**
 * Reads one printed page's text into an {@link ImportedPage}: decodes it ({@link PageDecoder}), reads its head
 * ({@link HeaderReader}), cuts it into stories ({@link StoryCutter}) and repairs each ({@link HeadlineReader},
 * {@link BodyRepair}), looking each dateline up in the site's gazetteer. Writes nothing. Immutable; safe to
 * share.
 */
public final class PageParser {
    private final Gazetteer gazetteer;
    /** Only for its nearest-places hint, so that import and new suggest the same places. */
    private final ArticleWriter hints;

    public PageParser(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.hints = new ArticleWriter(gazetteer);
    }

    /** The page, or the problem that makes {@code file} unreadable as a page text. */
    public record Parsed(Optional<ImportedPage> page, Optional<Problem> problem) {
    }

    /** Parses {@code bytes}, the contents of {@code file} (used only to name it in problems). */
    public Parsed parse(Path file, byte[] bytes) {
        PageDecoder.Decoded decoded = PageDecoder.decode(file, bytes);
        if (decoded.failed()) {
            return new Parsed(Optional.empty(), decoded.problem());
        }
        List<SourceLine> lines = lines(decoded.text());
        HeaderReader.Result head = HeaderReader.read(lines);
        if (head.header().isEmpty()) {
            return new Parsed(Optional.empty(), Optional.of(Problem.error(file, 1, 0,
                    "not a page text: its head has no " + String.join(" and no ", head.missing()),
                    "a page text starts with the page number, the paper's name, the date, the section and the "
                            + "editors' line, one per line")));
        }
        List<Review> reviews = new ArrayList<>(head.reviews());
        if (!decoded.charset().equals(java.nio.charset.StandardCharsets.UTF_8)) {
            reviews.add(new Review(1, "not UTF-8: read as " + decoded.charset().name() + " (GBK is a part of it); "
                    + "check that the Chinese reads right"));
        }
        List<String> banners = new ArrayList<>();
        List<String> closing = new ArrayList<>(); // banners after the last story come after those above the first
        List<Story> stories = new ArrayList<>();
        List<StoryCutter.Segment> segments = StoryCutter.cut(lines.subList(head.storiesFrom(), lines.size()));
        for (int s = 0; s < segments.size(); s++) {
            StoryCutter.Segment segment = segments.get(s);
            if (s == segments.size() - 1) {
                segment = withoutTrailingBanners(segment, closing, reviews);
            }
            if (segment.body().isEmpty()) {
                boolean last = s == segments.size() - 1;
                pageLines(segment.headline(), last, last ? closing : banners, reviews);
                continue;
            }
            BodyRepair.Body body = BodyRepair.repair(segment.body(), reviews);
            List<Block> paragraphs = body.paragraphs();
            String first = paragraphs.isEmpty() ? "" : paragraphs.get(0).text();
            HeadlineReader.Headline headline = HeadlineReader.read(segment.headline(), stories.isEmpty(), first,
                    segment.body().get(0).number(), reviews);
            banners.addAll(headline.banners());
            String subtitle = String.join(" ", List.of(headline.subtitle(), body.subtitle()).stream()
                    .filter(t -> !t.isEmpty()).toList());
            int firstLine = (segment.headline().isEmpty() ? segment.body() : segment.headline()).get(0).number();
            stories.add(new Story(headline.kicker(), headline.title(), subtitle, body.dateline(),
                    bureauOf(body.dateline(), segment.body().get(0).number(), reviews), paragraphs.stream()
                    .map(Block::text).filter(t -> !t.isEmpty()).toList(), body.credit(), firstLine));
        }
        banners.addAll(closing);
        reviews.sort(java.util.Comparator.comparingInt(Review::line)); // the review list follows the page
        return new Parsed(Optional.of(new ImportedPage(head.header().get(), banners, stories, reviews,
                decoded.charset())), Optional.empty());
    }

    /** The page's lines, blank ones dropped but remembered, each stripped and its punctuation evened out. */
    static List<SourceLine> lines(String text) {
        List<SourceLine> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        boolean blank = false;
        for (int i = 0; i < raw.length; i++) {
            String stripped = raw[i].strip();
            if (stripped.isEmpty()) {
                blank = true;
            } else {
                lines.add(new SourceLine(i + 1, Punctuation.normalise(stripped), blank));
                blank = false;
            }
        }
        return lines;
    }

    /** Lines outside every story: banners at the end of the page; anything else is listed and left out. */
    private static void pageLines(List<SourceLine> lines, boolean atEnd, List<String> banners, List<Review> reviews) {
        for (SourceLine line : lines) {
            if (atEnd || TextShape.isSlogan(line.text())) {
                banners.add(line.text());
                reviews.add(new Review(line.number(), "'" + line.text() + "' taken as the page's column banner"));
            } else {
                reviews.add(new Review(line.number(), "'" + line.text() + "' belongs to no story: left out"));
            }
        }
    }

    /**
     * The last story without the banners printed after it. When the story ends with a byline, the cutter has
     * already put them in a stretch of their own; without one they end the story's body, which they must leave
     * before its paragraphs are repaired.
     */
    private static StoryCutter.Segment withoutTrailingBanners(StoryCutter.Segment segment, List<String> banners,
            List<Review> reviews) {
        List<SourceLine> body = new ArrayList<>(segment.body());
        List<String> found = new ArrayList<>();
        while (body.size() > 1 && TextShape.isSlogan(body.get(body.size() - 1).text())
                && body.get(body.size() - 1).afterBlank()) {
            SourceLine banner = body.remove(body.size() - 1);
            found.add(0, banner.text());
            reviews.add(new Review(banner.number(), "'" + banner.text() + "' at the end of the page taken as "
                    + "the page's column banner"));
        }
        banners.addAll(found);
        return found.isEmpty() ? segment : new StoryCutter.Segment(segment.headline(), body);
    }

    private String bureauOf(String dateline, int line, List<Review> reviews) {
        if (dateline.isEmpty()) {
            reviews.add(new Review(line, "story without a dateline: no bureau set"));
            return "";
        }
        Optional<BureauEntry> bureau = gazetteer.byDateline(dateline);
        if (bureau.isEmpty() && !Gazetteer.isNewsroom(dateline)) {
            List<String> near = hints.closestPlaces(dateline);
            reviews.add(new Review(line, "unknown dateline '" + dateline + "': no bureau set"
                    + (near.isEmpty() ? "" : "; closest known places: " + String.join("、", near))));
        }
        return bureau.map(BureauEntry::name).orElse("");
    }
}
