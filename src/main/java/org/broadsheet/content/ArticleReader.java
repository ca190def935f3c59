package org.broadsheet.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.problem.Problem;
import org.broadsheet.text.TextDecoder;
import org.broadsheet.yaml.YamlMap;
import org.broadsheet.yaml.YamlParser;

/**
 * Reads one article file: decodes it, splits and types its front matter, and checks that it agrees with
 * the folder it sits in. Stateless; called from many threads at once.
 */
public final class ArticleReader {
    private ArticleReader() {
    }

    /** The article when it has no errors, and every problem found in it (warnings included). */
    public record Result(Optional<ArticleSource> article, List<Problem> problems) {
    }

    /**
     * @param file     relative to the site, for messages
     * @param date     the issue date its folder names
     * @param page     the page number its folder names
     * @param position its position among the page's files
     */
    public static Result read(Path file, byte[] bytes, LocalDate date, int page, int position) {
        TextDecoder.Decoded decoded = TextDecoder.decode(file, bytes);
        if (decoded.problem().isPresent()) {
            return new Result(Optional.empty(), List.of(decoded.problem().get()));
        }
        Optional<FrontMatterSplitter.Split> split = FrontMatterSplitter.split(decoded.text());
        if (split.isEmpty()) {
            String hint = decoded.text().startsWith("---")
                    ? "close the front matter with a line holding only ---"
                    : "start the file with a line ---, then 'title: …', then a line ---";
            return new Result(Optional.empty(), List.of(Problem.error(file, 1, 1,
                    "article has no front matter", hint)));
        }
        YamlParser.Result parsed = YamlParser.parseMapping(file, split.get().yaml(), 2);
        if (parsed.root().isEmpty()) {
            return new Result(Optional.empty(), parsed.problems());
        }
        YamlMap yaml = parsed.root().get();
        yaml.rejectUnknownKeys(FrontMatter.KEYS, "article front matter");
        FrontMatter front = frontMatter(yaml);
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(yaml.problems());
        problems.addAll(agreement(file, yaml, front, date, page));

        String stem = file.getFileName().toString();
        stem = stem.substring(0, stem.length() - ContentLayout.MARKDOWN.length());
        String slug = front.slug().orElse(stem);
        Optional<String> slugProblem = SlugRules.check(slug);
        if (slugProblem.isPresent()) {
            problems.add(front.slug().isPresent()
                    ? Problem.error(file, yaml.lineOf("slug"), yaml.columnOf("slug"), slugProblem.get(),
                            "use letters, digits, '-' or Chinese characters")
                    : Problem.error(file, 0, 0, "file name: " + slugProblem.get(),
                            "rename the file, or set 'slug:' in its front matter"));
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            return new Result(Optional.empty(), problems);
        }
        ArticleSource article = new ArticleSource(file, date, page, position, slug, front, split.get().body(),
                split.get().bodyFirstLine());
        return new Result(Optional.of(article), problems);
    }

    private static FrontMatter frontMatter(YamlMap yaml) {
        String title = yaml.string("title", "").strip();
        if (title.isEmpty()) {
            yaml.report("title", "article needs a title", "add 'title: …' to the front matter");
        }
        OptionalInt order = toOptionalInt(yaml.integer("order"));
        OptionalInt continues = toOptionalInt(yaml.integer("continues"));
        List<Double> area = yaml.numberList("area");
        if (!area.isEmpty() && (area.size() != 4 || area.stream().anyMatch(v -> v < 0 || v > 100))) {
            yaml.report("area", "area must be four percentages [x, y, w, h] between 0 and 100",
                    "e.g. area: [0, 0, 50, 30]");
        } else if (area.size() == 4 && (area.get(0) + area.get(2) > 100 || area.get(1) + area.get(3) > 100)) {
            // A hot zone past the scan's edge would be clickable beside the page, or cut off unseen.
            yaml.report("area", "area reaches outside the page image: x + w and y + h must stay within 100",
                    "measure the story's box on the scan again, in percent of its width and height");
        }
        return new FrontMatter(title,
                yaml.string("kicker", "").strip(),
                yaml.string("subtitle", "").strip(),
                yaml.string("dateline", "").strip(),
                yaml.string("bureau", "").strip(),
                yaml.stringList("authors").stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                yaml.string("source", "").strip(),
                yaml.stringList("tags").stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                yaml.string("slug").map(String::strip),
                order,
                yaml.bool("draft").orElse(false),
                yaml.bool("withdrawn").orElse(false),
                yaml.date("date"),
                toOptionalInt(yaml.integer("page")),
                continues,
                area,
                yaml.stringList("aliases"),
                yaml.plainData("extra"),
                keyLines(yaml));
    }

    private static java.util.Map<String, Integer> keyLines(YamlMap yaml) {
        java.util.Map<String, Integer> lines = new java.util.HashMap<>();
        for (String key : yaml.keys()) {
            lines.put(key, yaml.lineOf(key));
        }
        return java.util.Map.copyOf(lines);
    }

    private static List<Problem> agreement(Path file, YamlMap yaml, FrontMatter front, LocalDate date, int page) {
        List<Problem> problems = new ArrayList<>();
        front.date().filter(d -> !d.equals(date)).ifPresent(d -> problems.add(Problem.error(file,
                yaml.lineOf("date"), yaml.columnOf("date"),
                "date " + d + " does not match the folder's date " + date,
                "move the file to the folder of " + d + ", or fix the date")));
        front.page().ifPresent(p -> {
            if (p != page) {
                problems.add(Problem.error(file, yaml.lineOf("page"), yaml.columnOf("page"),
                        "page " + p + " does not match the folder's page " + page,
                        "move the file to page folder " + ContentLayout.pageFolderName(p) + ", or fix the page"));
            }
        });
        front.continues().ifPresent(p -> {
            if (p < 1 || p == page) {
                problems.add(Problem.error(file, yaml.lineOf("continues"), yaml.columnOf("continues"),
                        "continues must name another page of the issue", "e.g. continues: 8"));
            }
        });
        return problems;
    }

    private static OptionalInt toOptionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
