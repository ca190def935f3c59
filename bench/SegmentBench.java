import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.broadsheet.archive.Body;
import org.broadsheet.search.SearchDoc;
import org.broadsheet.search.SearchLayout;
import org.broadsheet.search.SegmentFiles;
import org.broadsheet.search.SegmentWriter;

/**
 * Times the indexing of one search segment (a quarter: {@code SegmentWriter.write} and its shards' bytes) in one
 * thread, round after round, and prints the thread's CPU time: the first round (as in a cold build, whose first
 * segments run before the JIT has compiled the indexer) and the minimum and median of the others.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp target/broadsheet.jar bench/SegmentBench.java corpus CONTENT ROUNDS
 * java -XX:TieredStopAtLevel=1 -cp target/broadsheet.jar bench/SegmentBench.java zipf CHARS EXPONENT ROUNDS
 * </pre>
 *
 * corpus: the first 2,500 stories (by path) of a generated corpus's {@code content/} folder, each paragraph of
 * its body a {@code <p>}. zipf: 2,500 stories of eight paragraphs of 200 ideographs, each drawn on its own from
 * CHARS of them by Zipf's law with EXPONENT. The generated corpus is written from phrases, so a quarter of it
 * holds some 36,000 distinct pairs; independent draws hold far more (about 290,000 with 4,000 chars and exponent
 * 1.3, a million with 1.0), as a quarter of real text of a wide vocabulary might.
 */
public final class SegmentBench {
    private static final int STORIES = 2_500;

    public static void main(String[] args) throws IOException {
        List<SearchDoc> docs;
        int rounds;
        if (args.length == 3 && args[0].equals("corpus")) {
            docs = corpus(Path.of(args[1]));
            rounds = Integer.parseInt(args[2]);
        } else if (args.length == 4 && args[0].equals("zipf")) {
            docs = zipf(Integer.parseInt(args[1]), Double.parseDouble(args[2]));
            rounds = Integer.parseInt(args[3]);
        } else {
            System.err.println("usage: SegmentBench corpus CONTENT ROUNDS | zipf CHARS EXPONENT ROUNDS");
            System.exit(2);
            return;
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] millis = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            SegmentFiles files = SegmentWriter.write(docs, SearchLayout.shardCount(docs.size()), SearchLayout.CHUNK);
            long bytes = 0;
            for (byte[] shard : files.shards()) {
                bytes += shard.length;
            }
            millis[round] = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
            if (round == 0) {
                System.out.printf("%d stories, %d terms, %.1f MB of shards%n", docs.size(), files.terms().size(),
                        bytes / 1e6);
            }
            files.release().run();
        }
        long[] rest = Arrays.copyOfRange(millis, 1, rounds);
        Arrays.sort(rest);
        System.out.printf("segment: first round %d ms CPU; the other %d rounds: min %d ms, median %d ms%n", millis[0],
                rest.length, rest.length == 0 ? 0 : rest[0], rest.length == 0 ? 0 : rest[rest.length / 2]);
    }

    /** The first stories of a generated corpus, newest first as a segment lists them. */
    private static List<SearchDoc> corpus(Path content) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().startsWith("_"))
                    .sorted().limit(STORIES).toList();
        }
        List<SearchDoc> docs = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            int end = text.indexOf("\n---", 4);
            String title = "";
            String kicker = "";
            String subtitle = "";
            for (String line : text.substring(4, end).split("\n")) {
                title = line.startsWith("title: ") ? line.substring(7) : title;
                kicker = line.startsWith("kicker: ") ? line.substring(8) : kicker;
                subtitle = line.startsWith("subtitle: ") ? line.substring(10) : subtitle;
            }
            StringBuilder html = new StringBuilder();
            for (String paragraph : text.substring(end + 4).split("\n\n")) {
                if (!paragraph.isBlank()) {
                    html.append("<p>").append(paragraph.strip().replace("&", "&amp;").replace("<", "&lt;"))
                            .append("</p>\n");
                }
            }
            docs.add(new SearchDoc(title, kicker, subtitle, Body.of(html.toString()), LocalDate.of(2016, 1, 1),
                    "2016/01/01/01/01.html", "第01版", 0));
        }
        Collections.reverse(docs);
        return docs;
    }

    private static List<SearchDoc> zipf(int chars, double exponent) {
        double[] cumulative = new double[chars];
        double sum = 0;
        for (int i = 0; i < chars; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        Random random = new Random(1);
        List<SearchDoc> docs = new ArrayList<>();
        for (int story = 0; story < STORIES; story++) {
            StringBuilder html = new StringBuilder();
            for (int paragraph = 0; paragraph < 8; paragraph++) {
                html.append("<p>");
                for (int k = 0; k < 200; k++) {
                    int rank = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    rank = Math.min(chars - 1, rank < 0 ? -rank - 1 : rank);
                    html.append((char) ('\u4e00' + rank * (20_000 / chars)));
                    if (random.nextInt(15) == 0) {
                        html.append('，');
                    }
                }
                html.append("。</p>\n");
            }
            docs.add(new SearchDoc("标题" + story, "", "", Body.of(html.toString()), LocalDate.of(2016, 1, 1),
                    "2016/01/01/01/01.html", "第01版", 0));
        }
        return docs;
    }
}
