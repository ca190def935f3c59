package org.broadsheet.search;

import java.time.LocalDate;
import java.util.List;

/**
 * The index's entry point, {@code search/index.json}: the bureaus results name, and the segments newest first
 * with their dates and how many stories, shards and chunks each has, and how many files the term directory has. Small, so a query's first request is cheap.
 */
public final class Manifest {
    private Manifest() {
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
