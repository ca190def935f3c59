package org.broadsheet.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the index as {@code search.js} does, in Java: for tests (every query against a scan of the texts) and for
 * the benchmark (which files a query fetches). Files are asked of {@code files} by their path in the output, each
 * once. Not thread-safe.
 */
public final class IndexReader {
    private final Function<String, String> files;
    private final Map<String, Object> read = new LinkedHashMap<>();
    private final List<Map<String, Object>> segments;
    private final Map<String, Meta> metas = new HashMap<>();

    /** One story found: its segment, its number there, whether every run is in its title, its day and bureau. */
    public record Hit(String segment, int doc, boolean inTitle, LocalDate date, int bureau) {
    }

    /** What a result shows: headline, address from the site's root, and page. */
    public record Display(String title, String href, String page) {
    }

    private record Meta(List<String> shards, long[] days, long[] bureaus, long[] titles) {
    }

    @SuppressWarnings("unchecked")
    public IndexReader(Function<String, String> files) {
        this.files = files;
        this.segments = (List<Map<String, Object>>) json(SearchLayout.MANIFEST).get("segments");
    }

    /** Paths of every file read so far, in order. */
    public List<String> filesRead() {
        return List.copyOf(read.keySet());
    }

    public List<String> segmentIds() {
        return segments.stream().map(s -> (String) s.get("id")).toList();
    }

    /**
     * The stories matching {@code query}, segment by segment from the newest, stopping after the segment that
     * brings the count to {@code enough}; within a segment, title matches first, then newest first. After the
     * newest segment, only the segments the {@link TermDirectory} lists for every term are read.
     */
    public List<Hit> search(Query query, int enough) {
        List<Hit> hits = new ArrayList<>();
        java.util.Set<Integer> candidates = null;
        int searched = 0;
        for (Map<String, Object> segment : segments) {
            if (hits.size() >= enough || query.isEmpty()) {
                break;
            }
            String id = (String) segment.get("id");
            // The newest segment is searched at once: a common query stops there, and pays nothing for the directory.
            if (searched > 0) {
                candidates = candidates == null ? candidates(query) : candidates;
                if (!candidates.contains(TermDirectory.ordinal(id))) {
                    continue;
                }
            }
            hits.addAll(search(query, id));
            searched++;
        }
        return hits;
    }

    /** The quarters (by {@link TermDirectory#ordinal}) that hold every term the query looks up. */
    private java.util.Set<Integer> candidates(Query query) {
        int files = ((Long) json(SearchLayout.MANIFEST).get("terms")).intValue();
        java.util.Set<Integer> all = null;
        for (List<SearchText.Unit> run : query.runs()) {
            List<String> terms = new ArrayList<>();
            if (run.size() == 1) {
                terms.add(run.get(0).text());
            }
            for (int k = 1; k < run.size(); k++) {
                terms.add(SearchText.pair(run.get(k - 1), run.get(k)));
            }
            for (String term : terms) {
                String entry = TermDirectory.entry(json(SearchLayout.terms(TermDirectory.fileOf(term, files))), term);
                java.util.Set<Integer> holding = entry == null ? java.util.Set.of() : TermDirectory.ordinals(entry);
                if (all == null) {
                    all = new java.util.HashSet<>(holding);
                } else {
                    all.retainAll(holding);
                }
            }
        }
        return all == null ? java.util.Set.of() : all;
    }

    private List<Hit> search(Query query, String segment) {
        Meta meta = meta(segment);
        Map<Integer, Boolean> found = null;
        for (List<SearchText.Unit> run : query.runs()) {
            Map<Integer, Boolean> docs = run.size() == 1 ? unitDocs(segment, run.get(0).text()) : runDocs(segment, run, meta);
            if (found == null) {
                found = docs;
            } else {
                Map<Integer, Boolean> both = new LinkedHashMap<>();
                for (Map.Entry<Integer, Boolean> e : found.entrySet()) {
                    Boolean other = docs.get(e.getKey());
                    if (other != null) {
                        both.put(e.getKey(), e.getValue() && other);
                    }
                }
                found = both;
            }
        }
        List<Hit> hits = new ArrayList<>();
        found.forEach((doc, inTitle) -> hits.add(new Hit(segment, doc, inTitle,
                LocalDate.ofEpochDay(meta.days()[doc]), (int) meta.bureaus()[doc] - 1)));
        hits.sort((a, b) -> a.inTitle() != b.inTitle() ? (a.inTitle() ? -1 : 1) : Integer.compare(a.doc(), b.doc()));
        return hits;
    }

    private Map<Integer, Boolean> unitDocs(String segment, String term) {
        Map<Integer, Boolean> docs = new LinkedHashMap<>();
        NumberCode.Reader in = new NumberCode.Reader(postings(segment, term));
        int doc = -1;
        while (in.hasNext()) {
            long value = in.next();
            doc += (int) (value / 2) + 1;
            docs.put(doc, value % 2 == 1);
        }
        return docs;
    }

    private Map<Integer, java.util.Set<Integer>> pairDocs(String segment, String term) {
        Map<Integer, java.util.Set<Integer>> docs = new LinkedHashMap<>();
        NumberCode.Reader in = new NumberCode.Reader(postings(segment, term));
        int doc = -1;
        while (in.hasNext()) {
            long head = in.next();
            doc += (int) (head / 2) + 1;
            int count = head % 2 == 1 ? in.nextInt() + 2 : 1;
            java.util.Set<Integer> positions = new java.util.HashSet<>();
            int position = -1;
            for (int k = 0; k < count; k++) {
                position += in.nextInt() + 1;
                positions.add(position);
            }
            docs.put(doc, positions);
        }
        return docs;
    }

    /** Stories where the units of {@code run} stand one after another: each pair at the next position. */
    private Map<Integer, Boolean> runDocs(String segment, List<SearchText.Unit> run, Meta meta) {
        List<Map<Integer, java.util.Set<Integer>>> pairs = new ArrayList<>();
        for (int k = 1; k < run.size(); k++) {
            pairs.add(pairDocs(segment, SearchText.pair(run.get(k - 1), run.get(k))));
        }
        Map<Integer, Boolean> docs = new LinkedHashMap<>();
        pairs.get(0).forEach((doc, starts) -> {
            Boolean inTitle = null;
            for (int start : starts) {
                boolean all = true;
                for (int k = 1; k < pairs.size() && all; k++) {
                    java.util.Set<Integer> at = pairs.get(k).get(doc);
                    all = at != null && at.contains(start + k);
                }
                if (all) {
                    inTitle = (inTitle != null && inTitle) || start < meta.titles()[doc];
                }
            }
            if (inTitle != null) {
                docs.put(doc, inTitle);
            }
        });
        return docs;
    }

    @SuppressWarnings("unchecked")
    private String postings(String segment, String term) {
        List<String> shards = meta(segment).shards();
        int shard = 0;
        for (int i = 1; i < shards.size(); i++) {
            if (shards.get(i).compareTo(term) <= 0) {
                shard = i;
            }
        }
        Map<String, Object> entries = json(SearchLayout.shard(segment, shard));
        List<String> terms = (List<String>) entries.get("t");
        int found = java.util.Collections.binarySearch(terms, term);
        return found < 0 ? "" : ((List<String>) entries.get("p")).get(found);
    }

    @SuppressWarnings("unchecked")
    private Meta meta(String segment) {
        return metas.computeIfAbsent(segment, id -> {
            Map<String, Object> meta = json(SearchLayout.meta(id));
            int docs = ((Long) meta.get("docs")).intValue();
            long[] days = new long[docs];
            NumberCode.Reader in = new NumberCode.Reader((String) meta.get("days"));
            long day = in.next() - SearchLayout.DAY_OFFSET;
            for (int i = 0; i < docs; i++) {
                day -= in.next();
                days[i] = day;
            }
            return new Meta((List<String>) meta.get("shards"), days, numbers((String) meta.get("bureaus"), docs),
                    numbers((String) meta.get("titles"), docs));
        });
    }

    @SuppressWarnings("unchecked")
    public Display display(Hit hit) {
        Map<String, Object> chunk = json(SearchLayout.chunk(hit.segment(), hit.doc() / SearchLayout.CHUNK));
        List<String> row = (List<String>) ((List<Object>) chunk.get("d")).get(hit.doc() % SearchLayout.CHUNK);
        String href = row.get(1).startsWith("/") ? row.get(1).substring(1)
                : String.format(java.util.Locale.ROOT, "%04d/%02d/%02d/", hit.date().getYear(),
                        hit.date().getMonthValue(), hit.date().getDayOfMonth()) + row.get(1);
        return new Display(row.get(0), href, row.get(2));
    }

    private static long[] numbers(String code, int count) {
        long[] values = new long[count];
        NumberCode.Reader in = new NumberCode.Reader(code);
        for (int i = 0; i < count; i++) {
            values[i] = in.next();
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String path) {
        return (Map<String, Object>) read.computeIfAbsent(path, p -> MiniJson.parse(files.apply(p)));
    }
}
