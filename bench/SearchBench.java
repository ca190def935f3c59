// Prints the search index's figures for a built site: size and file count, and for random queries the bytes a
// reader's browser downloads before its first page of results (gzip-compressed, as a static host sends them),
// checking every query against a scan of the stories' texts. Run after building the corpus:
//   java -cp target/classes bench/SearchBench.java SITE OUTPUT [QUERIES] [--queries FILE]
// SITE is the corpus (its content/ is read for the scan), OUTPUT the built site. --queries writes the queries, one
// JSON object a line with the addresses the scan found for it, so that another search tool can be held to the same
// list (bench/search-peer).
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.broadsheet.search.IndexReader;
import org.broadsheet.search.Query;
import org.broadsheet.search.SearchText;

class SearchBench {
    static final Map<String, Integer> GZ = new HashMap<>();

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(List.of(args));
        Path queryFile = null;
        int flag = positional.indexOf("--queries");
        if (flag >= 0) {
            queryFile = Path.of(positional.get(flag + 1));
            positional.subList(flag, flag + 2).clear();
        }
        Path site = Path.of(positional.get(0)), out = Path.of(positional.get(1));
        int count = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 500;
        long raw = 0, gz = 0;
        int files = 0;
        try (Stream<Path> walk = Files.walk(out.resolve("search"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                raw += bytes.length;
                gz += gzip(bytes);
                files++;
            }
        }
        System.out.printf("index: %d files, %.1f MB, %.1f MB gzip%n", files, raw / 1e6, gz / 1e6);

        // The stories' texts, title and body, normalised, by address: the scan that checks every answer.
        Map<String, String> texts = new HashMap<>();
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site.resolve("content"))) {
            for (Path md : walk.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/pages/")).toList()) {
                String text = Files.readString(md);
                int end = text.indexOf("\n---\n", 4);
                String front = text.substring(4, end), body = text.substring(end + 5);
                if (front.contains("withdrawn: true") || front.contains("draft: true")) {
                    continue;
                }
                String title = field(front, "title") + "\u0003" + field(front, "kicker") + "\u0003" + field(front, "subtitle");
                String rel = site.resolve("content").relativize(md).toString().replace(".md", ".html");
                texts.put(rel, SearchText.normalize(title) + "\u0003" + SearchText.normalize(body.replace("**", "")));
                bodies.add(SearchText.normalize(body.replace("**", "")));
            }
        }
        Random random = new Random(1);
        List<String> queries = new ArrayList<>();
        while (queries.size() < count) {
            String body = bodies.get(random.nextInt(bodies.size()));
            int length = 2 + random.nextInt(7), start = random.nextInt(Math.max(1, body.length() - length));
            String q = body.substring(start, Math.min(body.length(), start + length));
            if (q.length() == length && q.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                queries.add(q);
            }
        }
        String han = "鄂尔多斯温克次法院检察人民社区矫正交叉执行张某李王旗县案件审理判决公益诉讼";
        int absent = 0;
        while (absent < count / 10) {
            StringBuilder q = new StringBuilder();
            for (int i = 0; i < 4; i++) q.append(han.charAt(random.nextInt(han.length())));
            String query = q.toString();
            if (texts.values().stream().noneMatch(t -> t.contains(query))) { queries.add(query); absent++; }
        }
        int js = gzip(Files.readAllBytes(out.resolve("static/search.js"))) + gzip(Files.readAllBytes(out.resolve("search/index.html")));
        List<Long> firstPage = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long wrong = 0, all = 0, right = 0, wanted = 0;
        for (String query : queries) {
            IndexReader reader = new IndexReader(path -> read(out, path));
            List<IndexReader.Hit> hits = reader.search(Query.parse(query), 10);
            hits.stream().limit(10).forEach(reader::display);
            long bytes = js;
            for (String path : reader.filesRead()) bytes += GZ.get(path);
            firstPage.add(bytes);
            IndexReader everything = new IndexReader(path -> read(out, path));
            Set<String> found = new TreeSet<>();
            everything.search(Query.parse(query), Integer.MAX_VALUE).forEach(h -> found.add(everything.display(h).href()));
            Set<String> expected = new TreeSet<>();
            texts.forEach((href, text) -> { if (text.contains(query)) expected.add(href); });
            // Written by hand: a query is Han characters and an address percent-encoded, so nothing needs escaping.
            lines.add("{\"q\":\"" + query + "\",\"expected\":[" + String.join(",", expected.stream()
                    .map(href -> "\"" + href + "\"").toList()) + "]}");
            wanted += expected.size();
            right += found.stream().filter(expected::contains).count();
            if (!found.equals(expected)) {
                wrong++;
                if (wrong <= 5) System.out.println("MISMATCH " + query + " found " + found.size() + " expected " + expected.size());
            }
            all += found.size();
        }
        Collections.sort(firstPage);
        System.out.printf("queries: %d (%d absent), %d mismatches against the scan, %d hits in all%n", queries.size(), absent, wrong, all);
        System.out.printf("recall %.4f, precision %.4f (hits over all queries)%n", wanted == 0 ? 1.0 : (double) right / wanted,
                all == 0 ? 1.0 : (double) right / all);
        if (queryFile != null) {
            Files.write(queryFile, lines);
        }
        System.out.printf("first page transfer (gzip, search.js and the page included, article pages for snippets not): median %.0f KB, p95 %.0f KB, worst %.0f KB%n",
                firstPage.get(firstPage.size() / 2) / 1e3, firstPage.get(firstPage.size() * 95 / 100) / 1e3, firstPage.get(firstPage.size() - 1) / 1e3);
    }

    static String field(String front, String key) {
        return front.lines().filter(l -> l.startsWith(key + ":")).findFirst().map(l -> l.substring(key.length() + 1).trim()
                .replaceAll("^'|'$", "")).orElse("");
    }

    static String read(Path out, String path) {
        try {
            byte[] bytes = Files.readAllBytes(out.resolve(path));
            GZ.computeIfAbsent(path, p -> gzip(bytes));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (Exception e) { throw new RuntimeException(e); }
    }

    static int gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) { z.write(bytes); }
            return out.size();
        } catch (Exception e) { throw new RuntimeException(e); }
    }
}
