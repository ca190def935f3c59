package org.broadsheet.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.broadsheet.problem.Problem;
import org.broadsheet.text.TextDecoder;
import org.broadsheet.yaml.YamlMap;
import org.broadsheet.yaml.YamlParser;

/** Reads a standalone page: the same decoding and front-matter rules as an article, with fewer keys. */
final class StandaloneReader {
    private StandaloneReader() {
    }

    record Result(Optional<StandaloneSource> page, List<Problem> problems) {
    }

    static Result read(Path file, byte[] bytes) {
        TextDecoder.Decoded decoded = TextDecoder.decode(file, bytes);
        if (decoded.problem().isPresent()) {
            return new Result(Optional.empty(), List.of(decoded.problem().get()));
        }
        Optional<FrontMatterSplitter.Split> split = FrontMatterSplitter.split(decoded.text());
        if (split.isEmpty()) {
            return new Result(Optional.empty(), List.of(Problem.error(file, 1, 1, "page has no front matter",
                    "start the file with a line ---, then 'title: …', then a line ---")));
        }
        YamlParser.Result parsed = YamlParser.parseMapping(file, split.get().yaml(), 2);
        if (parsed.root().isEmpty()) {
            return new Result(Optional.empty(), parsed.problems());
        }
        YamlMap yaml = parsed.root().get();
        yaml.rejectUnknownKeys(StandaloneSource.KEYS, "page front matter");
        String title = yaml.string("title", "").strip();
        if (title.isEmpty()) {
            yaml.report("title", "page needs a title", "add 'title: …' to the front matter");
        }
        String stem = file.getFileName().toString();
        String slug = yaml.string("slug").map(String::strip)
                .orElse(stem.substring(0, stem.length() - ContentLayout.MARKDOWN.length()));
        SlugRules.check(slug).ifPresent(reason -> yaml.report("slug", reason, "rename the file or set 'slug:'"));
        OptionalInt order = yaml.integer("order").map(OptionalInt::of).orElse(OptionalInt.empty());
        StandaloneSource page = new StandaloneSource(file, slug, title, order, yaml.bool("draft").orElse(false),
                yaml.plainData("extra"), split.get().body(), split.get().bodyFirstLine());
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(yaml.problems());
        return problems.stream().anyMatch(Problem::isError) ? new Result(Optional.empty(), problems)
                : new Result(Optional.of(page), problems);
    }
}
