package org.broadsheet.render.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadsheet.archive.Archive;
import org.broadsheet.archive.Article;
import org.broadsheet.archive.BureauDesk;
import org.broadsheet.archive.Page;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.render.Fingerprints;
import org.broadsheet.render.Routes;
import org.broadsheet.render.ViewFactory;
import org.broadsheet.search.Manifest;
import org.broadsheet.search.SearchDoc;
import org.broadsheet.search.SearchLayout;
import org.broadsheet.search.SegmentFiles;
import org.broadsheet.search.SegmentWriter;

/**
 * The search page and the index it reads (see {@code search.SearchLayout}): the manifest, and for each segment its
 * meta, shards and display chunks, all keyed by the segment's stories (their fields and their bodies' tokens), so a
 * segment whose stories did not change is neither read nor indexed. The files of one segment are made together,
 * once, by whichever of them is produced first.
 */
record SearchPlanner(Archive archive, ViewFactory views, Routes routes, SiteConfig config) implements Planner {
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
        List<Manifest.Segment> listed = new ArrayList<>();
        segments.forEach((id, docs) -> listed.add(plan(plan, id, docs)));
        // Keyed by its own text, which is cheap to make: kept, not rewritten, when no segment changed its shape.
        SharedSegment.Once<String> manifest = new SharedSegment.Once<>(() -> Manifest.write(bureaus, listed));
        plan.add(TextOutput.keyed(SearchLayout.MANIFEST, manifest::get, manifest::get));
    }

    private Manifest.Segment plan(Plan plan, String id, List<SearchDoc> docs) {
        int shards = SearchLayout.shardCount(docs.size());
        int chunks = SearchLayout.chunkCount(docs.size());
        SharedSegment files = new SharedSegment(() -> SegmentWriter.write(docs, shards, SearchLayout.CHUNK),
                1 + shards + chunks);
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
        plan.add(TextOutput.keyed(SearchLayout.meta(id), () -> files.take(SegmentFiles::meta), key::get));
        for (int i = 0; i < shards; i++) {
            int index = i;
            plan.add(TextOutput.keyed(SearchLayout.shard(id, i), () -> files.take(f -> f.shards().get(index)),
                    key::get));
        }
        for (int i = 0; i < chunks; i++) {
            int index = i;
            plan.add(TextOutput.keyed(SearchLayout.chunk(id, i), () -> files.take(f -> f.chunks().get(index)),
                    key::get));
        }
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
