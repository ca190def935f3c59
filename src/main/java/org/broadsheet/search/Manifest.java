package org.broadsheet.search;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index's entry point, {@code search/index.json}: the bureaus results name, and the segments newest first
 * with their dates and how many stories, shards and chunks each has, and how many files the term directory has. Small, so a query's first request is cheap.
 */
public final class Manifest {
    /** The head {@link #write} starts every manifest with: format version, chunk size, term files. */
    private static final Pattern HEAD = Pattern.compile("\\{\"v\":(\\d+),\"chunk\":\\d+,\"terms\":(\\d+),");

    private Manifest() {
    }

    /**
     * How many term files the manifest {@code text} (as {@link #write} wrote it) announces; empty when it is not
     * a manifest of this format version, whose directory this code cannot read.
     */
    public static OptionalInt termFiles(String text) {
        Matcher head = HEAD.matcher(text);
        if (!head.lookingAt() || Integer.parseInt(head.group(1)) != SegmentWriter.VERSION) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(head.group(2)));
    }

    /** One segment as the manifest lists it. */
    public record Segment(String id, LocalDate from, LocalDate to, int docs, int shards, int chunks) {
    }

    /** A bureau as results and the filter name it. */
    public record Bureau(String name, String slug) {
    }

    /** @param termFiles how many files the {@link TermDirectory} has */
    public static String write(List<Bureau> bureaus, List<Segment> segments, int termFiles) {
        StringBuilder out = new StringBuilder(256 + 100 * segments.size()).append("{\"v\":")
                .append(SegmentWriter.VERSION).append(",\"chunk\":").append(SearchLayout.CHUNK).append(",\"terms\":")
                .append(termFiles).append(",\"bureaus\":[");
        for (int i = 0; i < bureaus.size(); i++) {
            out.append(i > 0 ? ",[" : "[");
            JsonText.string(out, bureaus.get(i).name()).append(',');
            JsonText.string(out, bureaus.get(i).slug()).append(']');
        }
        out.append("],\"segments\":[");
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            out.append(i > 0 ? ",\n" : "\n").append("{\"id\":");
            JsonText.string(out, s.id()).append(",\"from\":\"").append(s.from()).append("\",\"to\":\"").append(s.to())
                    .append("\",\"docs\":").append(s.docs()).append(",\"shards\":").append(s.shards())
                    .append(",\"chunks\":").append(s.chunks()).append('}');
        }
        return out.append("]}\n").toString();
    }
}
