package org.broadsheet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.broadsheet.build.InputChanges;
import org.junit.jupiter.api.Test;

/** The builder builds once a change worth a build came in, with every change since its last build. */
class BuildRequestsTest {
    private final BuildRequests requests = new BuildRequests();

    @Test
    void droppingsWaitForARealChangeAndGoWithIt() throws Exception {
        requests.add(InputChanges.of(List.of(Path.of("content/2025/12/12/01/.01.md.swp"))), false);
        assertThat(requests.waiting()).isFalse();
        requests.add(InputChanges.of(List.of(Path.of("content/2025/12/12/01/01.md"))), true);
        assertThat(requests.waiting()).isTrue();

        Optional<InputChanges> taken = requests.take();

        assertThat(taken).isPresent();
        assertThat(taken.get().paths()).containsExactlyInAnyOrder(Path.of("content/2025/12/12/01/.01.md.swp"),
                Path.of("content/2025/12/12/01/01.md"));
        assertThat(requests.waiting()).as("after the builder took them").isFalse();
    }

    @Test
    void whileAPreviewIsMadeTheBuildUnderWayIsAskedToStopOrPausesAndTheNextWaits() throws Exception {
        requests.previewing();
        assertThat(requests.waiting()).as("the build under way is asked to stop").isTrue();
        CompletableFuture<Void> paused = CompletableFuture.runAsync(requests::pauseWhilePreviewing);
        CompletableFuture<Optional<InputChanges>> next = takeLater();
        Thread.sleep(100);
        assertThat(paused).as("a build that may no longer stop, while the preview is made").isNotDone();
        assertThat(next).as("the next build, while the preview is made").isNotDone();

        requests.previewed(InputChanges.of(List.of(Path.of("content/2025/12/12/01/01.md"))));

        paused.get(5, TimeUnit.SECONDS);
        assertThat(next.get(5, TimeUnit.SECONDS).orElseThrow().paths())
                .containsExactly(Path.of("content/2025/12/12/01/01.md"));
    }

    @Test
    void lostEventsMakeTheBuildLookAtEverything() throws Exception {
        requests.add(InputChanges.of(List.of(Path.of("site.yml"))), true);
        requests.add(InputChanges.UNKNOWN, true);

        assertThat(requests.take().orElseThrow().unknown()).isTrue();
    }

    @Test
    void theBuilderWaitsUntilAskedAndStopsWhenClosed() throws Exception {
        CompletableFuture<Optional<InputChanges>> waiting = takeLater();
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        requests.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    /** The builder's next take, on another thread. */
    private CompletableFuture<Optional<InputChanges>> takeLater() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return requests.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
