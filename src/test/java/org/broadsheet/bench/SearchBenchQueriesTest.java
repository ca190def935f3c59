package org.broadsheet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.broadsheet.TestSites;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.search.SearchText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/SearchBench.java's {@code --queries FILE}, the list bench/search-peer holds another search tool to: run as
 * bench/README.md tells, against a small site of three quarters, and checked against a scan of the stories as this
 * test wrote them (not as SearchBench reads them back from content/).
 */
class SearchBenchQueriesTest {
    private static final int QUERIES = 40;
    private static final String CHARS = "鄂尔多斯温克次法院检察人民社区矫正交叉执行张某李王市旗县案件审理判决";
    /** Compatibility ideographs NFKC folds to 豈 and 郎: a query is cut from the folded text. */
    private static final String FOLDED = "\uF900\uF92C";

    @TempDir
    Path temp;

    /** A story as written: its address and the text of each field a reader can search. */
    private record Story(String href, List<String> fields, boolean searchable) {
    }

    @Test
    void theQueriesFileListsEachQueryWithExactlyTheStoriesHoldingIt() throws Exception {
        Path site = TestSites.storyADay(temp, "Asia/Shanghai", List.of());
        List<Story> stories = writeStories(site, new Random(14));
        Path out = temp.resolve("public");
        BuildResult result = TestSites.build(BuildOptions.defaults(site).withOutput(out));
        assertThat(result.problems()).isEmpty();
        assertThat(out.resolve("search/2024-1/meta.json")).exists();
        assertThat(out.resolve("search/2024-3/meta.json")).exists();

        Path file = temp.resolve("queries.jsonl");
        String output = run(site, out, file);

        assertThat(output).contains("0 mismatches against the scan");
        // QUERIES cut from the stories' bodies, then a tenth as many that occur nowhere.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(QUERIES + QUERIES / 10);
        ObjectMapper json = new ObjectMapper();
        int several = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = json.readTree(lines.get(i));
            assertThat(line.isObject()).as(lines.get(i)).isTrue();
            assertThat(line.path("q").isTextual()).as(lines.get(i)).isTrue();
            assertThat(line.path("expected").isArray()).as(lines.get(i)).isTrue();
            String query = line.get("q").asText();
            List<String> listed = new ArrayList<>();
            line.get("expected").forEach(href -> listed.add(href.asText()));
            Set<String> expected = scan(stories, query);
            assertThat(listed).as(query).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(listed)).as(query).isEqualTo(expected);
            if (i < QUERIES) {
                assertThat(expected).as("a query cut from a story: " + query).isNotEmpty();
            } else {
                assertThat(expected).as("a query meant to occur nowhere: " + query).isEmpty();
            }
            several += expected.size() > 1 ? 1 : 0;
        }
        // The lists are worth checking only if many name more than the story a query was cut from.
        assertThat(several).isGreaterThanOrEqualTo(QUERIES / 4);
        assertThat(lines).noneMatch(line -> stories.stream().filter(story -> !story.searchable())
                .anyMatch(story -> line.contains(story.href())));
    }

    /**
     * Stories on every fourth day of 2024's first three quarters: titles, some kickers, paragraphs with bold runs
     * and folded ideographs; a few withdrawn or drafts, which nothing may list.
     */
    private static List<Story> writeStories(Path site, Random random) {
        List<Story> stories = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 1, 2); day.getYear() == 2024 && day.getMonthValue() <= 9;
                day = day.plusDays(4)) {
            for (int k = 1; k <= 3; k++) {
                String path = String.format("%04d/%02d/%02d/01/%02d", day.getYear(), day.getMonthValue(),
                        day.getDayOfMonth(), k);
                String title = text(random, 6 + random.nextInt(8));
                String kicker = random.nextInt(3) == 0 ? text(random, 4 + random.nextInt(6)) : "";
                List<String> paragraphs = new ArrayList<>();
                for (int p = 1 + random.nextInt(3); p > 0; p--) {
                    paragraphs.add(text(random, 30 + random.nextInt(60)));
                }
                String state = k == 1 ? "" : switch (random.nextInt(20)) {
                    case 0 -> "withdrawn: true\n";
                    case 1 -> "draft: true\n";
                    default -> "";
                };
                StringBuilder md = new StringBuilder("---\ntitle: '").append(title).append("'\n");
                if (!kicker.isEmpty()) {
                    md.append("kicker: '").append(kicker).append("'\n");
                }
                md.append(state).append("---\n");
                for (String paragraph : paragraphs) {
                    // Bold round a run inside the paragraph: the text a reader searches has no asterisks.
                    int cut = paragraph.length() / 3;
                    md.append(paragraph, 0, cut).append("**").append(paragraph, cut, 2 * cut).append("**")
                            .append(paragraph.substring(2 * cut)).append("\n\n");
                }
                TestSites.write(site.resolve("content/" + path + ".md"), md.toString());
                List<String> fields = new ArrayList<>(List.of(title, kicker));
                fields.addAll(paragraphs);
                stories.add(new Story(path + ".html", fields, state.isEmpty()));
            }
        }
        return stories;
    }

    /** Han text of the small alphabet, now and then a comma or a folded ideograph; it starts with an ideograph. */
    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int roll = random.nextInt(40);
            if (roll == 0 && text.length() > 0) {
                text.append('，');
            } else if (roll == 1) {
                text.append(FOLDED.charAt(random.nextInt(FOLDED.length())));
            } else {
                text.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
        }
        return text.toString();
    }

    /** The addresses of the published stories one of whose fields, normalised, holds the query normalised. */
    private static Set<String> scan(List<Story> stories, String query) {
        String target = SearchText.normalize(query);
        Set<String> out = new TreeSet<>();
        for (Story story : stories) {
            if (story.searchable() && story.fields().stream().anyMatch(f -> SearchText.normalize(f).contains(target))) {
                out.add(story.href());
            }
        }
        return out;
    }

    /** {@code java -cp target/classes bench/SearchBench.java SITE OUT N --queries FILE}, with this test's java. */
    private static String run(Path site, Path out, Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", Path.of("target/classes").toAbsolutePath().toString(),
                Path.of("bench/SearchBench.java").toAbsolutePath().toString(), site.toString(), out.toString(),
                Integer.toString(QUERIES), "--queries", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
