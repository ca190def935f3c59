package org.broadsheet.render.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.BodyReader;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.archive.Page;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.render.Fingerprints;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;
import org.broadsheet.search.IndexScratch;
import org.broadsheet.search.Manifest;
import org.broadsheet.search.SearchDoc;
import org.broadsheet.search.SearchLayout;
import org.broadsheet.search.SegmentFiles;
import org.broadsheet.search.SegmentWriter;
import org.broadsheet.search.TermDirectory;

/**
 * The search page and the index it reads (see {@code search.SearchLayout}): the manifest, and for each segment its
 * meta, shards and display chunks, all keyed by the segment's stories (their fields and their bodies' tokens), so a
 * segment whose stories did not change is neither read nor indexed. The files of one segment are one batch
 * ({@link Plan#addBatch}): made together by one indexing, when the first of them is not current. The term
 * directory ({@code search.TermDirectory}) is produced last, from the terms of the segments indexed in this build
 * and, for the others, the entries it published before.
 */
record SearchPlanner(Archive archive, ViewFactory views, BodyReader bodies, Routes routes, SiteConfig config,
        Published published)
        implements Planner {
    /** Reads a file as the output published it before this build (see {@code OutputSink#published}). */
    @FunctionalInterface
    interface Published {
        Optional<byte[]> read(String path) throws IOException;
    }


    @Override
    public void plan(Plan plan) {
        if (!config.search().enabled()) {
            return;
        }
        plan.add(PageOutput.of(SearchLayout.PAGE, "search.ftlh", views::search));
        Map<String, Integer> bureauIndex = new HashMap<>();
        List<Manifest.Bureau> bureaus = new ArrayList<>();
        for (BureauDesk desk : archive.bureaus()) {
            bureauIndex.put(desk.bureau().slug(), bureaus.size());
            bureaus.add(new Manifest.Bureau(desk.bureau().name(), desk.bureau().slug()));
        }
        Map<String, List<SearchDoc>> segments = new LinkedHashMap<>();
        for (Article article : archive.newest(Integer.MAX_VALUE)) {
            segments.computeIfAbsent(SearchLayout.segmentOf(article.id().date()), id -> new ArrayList<>())
                    .add(doc(article, bureauIndex));
        }
        if (segments.isEmpty()) {
            String empty = Manifest.write(bureaus, List.of(), 0);
            plan.add(TextOutput.keyed(SearchLayout.MANIFEST, () -> empty, () -> empty));
            return;
        }
        List<Integer> ordinals = segments.keySet().stream().map(TermDirectory::ordinal).toList();
        TermDirectory directory = new TermDirectory(Collections.min(ordinals), Collections.max(ordinals));
        Set<String> indexed = ConcurrentHashMap.newKeySet();
        IndexScratch.Pool scratch = new IndexScratch.Pool();
        List<Manifest.Segment> listed = new ArrayList<>();
        List<SharedSegment.Once<String>> keys = new ArrayList<>();
        segments.forEach((id, docs) -> listed.add(plan(plan, id, docs, keys, scratch, files -> {
            directory.add(TermDirectory.ordinal(id), files.terms());
            indexed.add(id);
        })));
        int termFiles = TermDirectory.fileCount(listed.stream().mapToInt(Manifest.Segment::docs).sum());
        // Keyed by its own text, which is cheap to make: kept, not rewritten, when no segment changed its shape.
        SharedSegment.Once<String> manifest = new SharedSegment.Once<>(() -> Manifest.write(bureaus, listed, termFiles));
        plan.add(TextOutput.keyed(SearchLayout.MANIFEST, manifest::get, manifest::get));

        // Made when a segment changed; a file is written only when its bytes did, i.e. when one of its terms
        // appeared in or disappeared from a segment.
        SharedSegment.Once<List<String>> texts = new SharedSegment.Once<>(() -> {
            List<String> kept = segments.keySet().stream().filter(id -> !indexed.contains(id)).toList();
            if (!kept.isEmpty() && !readPublished(directory, kept)) {
                // No directory to read them from (deleted by hand): index them again, one at a time.
                for (String id : kept) {
                    List<SearchDoc> docs = segments.get(id);
                    SegmentFiles files = SegmentWriter.write(docs, SearchLayout.shardCount(docs.size()),
                            SearchLayout.CHUNK, bodies, scratch);
                    directory.add(TermDirectory.ordinal(id), files.terms());
                    files.release().run();
                }
            }
            return directory.write(termFiles);
        });
        SharedSegment.Once<String> key = new SharedSegment.Once<>(() -> {
            StringBuilder all = new StringBuilder("terms ").append(SegmentWriter.VERSION).append(' ').append(termFiles);
            keys.forEach(k -> all.append(' ').append(k.get()));
            return all.toString();
        });
        for (int i = 0; i < termFiles; i++) {
            int index = i;
            plan.addLast(TextOutput.keyed(SearchLayout.terms(i), () -> texts.get().get(index), key::get));
        }
    }

    /**
     * Adds to {@code directory} the entries of the segments {@code kept}, as the directory published before this
     * build lists them: they are those segments' entries still, since the directory was made whenever any segment
     * changed. False, having added nothing, when there is no complete directory of this format to read.
     */
    private boolean readPublished(TermDirectory directory, List<String> kept) {
        try {
            Optional<byte[]> manifest = published.read(SearchLayout.MANIFEST);
            if (manifest.isEmpty()) {
                return false;
            }
            OptionalInt termFiles = Manifest.termFiles(new String(manifest.get(), StandardCharsets.UTF_8));
            if (termFiles.isEmpty()) {
                return false;
            }
            List<String> files = new ArrayList<>();
            for (int i = 0; i < termFiles.getAsInt(); i++) {
                Optional<byte[]> file = published.read(SearchLayout.terms(i));
                if (file.isEmpty()) {
                    return false;
                }
                files.add(new String(file.get(), StandardCharsets.UTF_8));
            }
            // Sorted ordinals searched as ints: a set of Integers boxed one per term and quarter read.
            int[] wanted = kept.stream().mapToInt(TermDirectory::ordinal).sorted().toArray();
            for (String file : files) {
                directory.addFrom(file, ordinal -> java.util.Arrays.binarySearch(wanted, ordinal) >= 0);
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private Manifest.Segment plan(Plan plan, String id, List<SearchDoc> docs, List<SharedSegment.Once<String>> keys,
            IndexScratch.Pool scratch, Consumer<SegmentFiles> indexed) {
        int shards = SearchLayout.shardCount(docs.size());
        int chunks = SearchLayout.chunkCount(docs.size());
        SharedSegment files = new SharedSegment(() -> {
            SegmentFiles made = SegmentWriter.write(docs, shards, SearchLayout.CHUNK, bodies, scratch);
            indexed.accept(made);
            return made;
        }, 1 + shards + chunks);
        String[] parts = new String[docs.size() + 3];
        parts[0] = Integer.toString(SegmentWriter.VERSION);
        parts[1] = Integer.toString(shards);
        parts[2] = Integer.toString(SearchLayout.CHUNK);
        // Made on the executor's threads, and only once for all the segment's files.
        SharedSegment.Once<String> key = new SharedSegment.Once<>(() -> {
            for (int i = 0; i < docs.size(); i++) {
                parts[i + 3] = docs.get(i).inputs();
            }
            return Fingerprints.of(parts);
        });
        keys.add(key);
        List<Output> batch = new ArrayList<>(1 + shards + chunks);
        batch.add(TextOutput.keyed(SearchLayout.meta(id), () -> files.take(SegmentFiles::meta), key::get));
        for (int i = 0; i < shards; i++) {
            int index = i;
            batch.add(TextOutput.keyedBytes(SearchLayout.shard(id, i), () -> files.take(f -> f.shards().get(index)),
                    key::get));
        }
        for (int i = 0; i < chunks; i++) {
            int index = i;
            batch.add(TextOutput.keyed(SearchLayout.chunk(id, i), () -> files.take(f -> f.chunks().get(index)),
                    key::get));
        }
        plan.addBatch(batch);
        return new Manifest.Segment(id, docs.get(docs.size() - 1).date(), docs.get(0).date(), docs.size(), shards,
                chunks);
    }

    private SearchDoc doc(Article article, Map<String, Integer> bureauIndex) {
        Page page = archive.pageOf(article);
        String label = ViewFactory.pageLabel(page);
        return new SearchDoc(article.title(), article.kicker(), article.subtitle(), article.body(),
                article.id().date(), Routes.encode(routes.article(article)),
                page.section().isEmpty() ? label : label + " " + page.section(),
                article.bureau().map(b -> bureauIndex.getOrDefault(b.slug(), -1)).orElse(-1));
    }
}
