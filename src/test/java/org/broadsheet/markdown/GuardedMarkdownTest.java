package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A hostile article fails alone, with a reason, instead of taking the build down. */
class GuardedMarkdownTest {

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void deepNestingOnASmallStackIsThatArticlesError(EngineName engine) throws InterruptedException {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        String hostile = ">".repeat(50_000) + " 深\n";
        AtomicReference<GuardedMarkdown.Outcome> outcome = new AtomicReference<>();
        // A deliberately small stack makes the overflow certain for both engines.
        Thread worker = new Thread(null, () -> outcome.set(guarded.render(hostile)), "small-stack", 128 * 1024);
        worker.start();
        worker.join();
        assertThat(outcome.get()).isNotNull();
        assertThat(outcome.get().failure()).hasValueSatisfying(reason -> assertThat(reason).contains("nested"));
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void oversizedInputIsRefusedBeforeParsing(EngineName engine) {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        GuardedMarkdown.Outcome outcome = guarded.render("字".repeat(GuardedMarkdown.MAX_CHARS + 1));
        assertThat(outcome.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("limit"));
    }

    @ParameterizedTest
    @EnumSource(EngineName.class)
    void ordinaryArticlesRender(EngineName engine) {
        GuardedMarkdown guarded = new GuardedMarkdown(MarkdownEngines.create(engine, HtmlPolicy.STRIP));
        assertThat(guarded.render("近日，包头市开展普法活动。\n").html()).isEqualTo("<p>近日，包头市开展普法活动。</p>\n");
    }
}
