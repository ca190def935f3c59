package org.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Splitting recovers exactly what was joined, and never mistakes body text for a fence. */
class FrontMatterSplitterProperties {

    @Property(tries = 2000)
    void splittingUndoesJoining(@ForAll("yamlLines") String yaml, @ForAll("bodies") String body) {
        String text = "---\n" + yaml + "---\n" + body;
        Optional<FrontMatterSplitter.Split> split = FrontMatterSplitter.split(text);
        assertThat(split).isPresent();
        assertThat(split.get().yaml()).isEqualTo(yaml);
        assertThat(split.get().body()).isEqualTo(body);
        long yamlLines = yaml.chars().filter(c -> c == '\n').count();
        assertThat(split.get().bodyFirstLine()).isEqualTo(yamlLines + 3);
    }

    @Property(tries = 1000)
    void textWithoutAnOpeningFenceIsNeverSplit(@ForAll("bodies") String body) {
        if (!body.startsWith("---\n") && !body.equals("---")) {
            assertThat(FrontMatterSplitter.split(body)).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> yamlLines() {
        Arbitrary<String> line = Arbitraries.of("title: 标题", "dateline: 包头讯", "tags: [普法, 𬘭]", "# ---",
                "kicker: '--- 引题 ---'", "title: \"a: b\"", "", "  - 张三");
        return line.list().ofMaxSize(6).map(lines -> lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> line = Arbitraries.of("近日，包头市……", "---", "...", "", "***", "- 列表", "𬘭字", "-- -",
                " ---");
        return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines));
    }
}
