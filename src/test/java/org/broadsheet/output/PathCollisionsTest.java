package org.broadsheet.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathCollisionsTest {

    @Test
    void pathsThatDifferOnlyInCaseOrNormalisationCollide() {
        assertThat(PathCollisions.among(List.of("a/Story.html", "a/story.html", "b/caf\u00e9.html",
                "b/cafe\u0301.html", "c/甲.html", "c/乙.html", "a/STORY.HTML")))
                .containsExactly(List.of("a/STORY.HTML", "a/Story.html", "a/story.html"),
                        List.of("b/cafe\u0301.html", "b/caf\u00e9.html"));
    }

    @Test
    void distinctPathsDoNot() {
        assertThat(PathCollisions.among(List.of("2025/12/12/01/01.html", "2025/12/12/01/02.html", "index.html",
                "2025/12/12/01/index.html"))).isEmpty();
    }
}
