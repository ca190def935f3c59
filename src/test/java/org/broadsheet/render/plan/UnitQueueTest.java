package org.broadsheet.render.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitQueueTest {
    private static List<Output> unit(String path) {
        return List.of(TextOutput.of(path, () -> path));
    }

    private static String path(UnitQueue.Taken taken) {
        return taken.outputs().get(0).path();
    }

    @Test
    void aBatchStartsFirstAndOnlyOneRunsWhileOtherUnitsRemain() {
        UnitQueue queue = new UnitQueue(List.of(unit("b1"), unit("b2")), List.of(unit("o1"), unit("o2")));
        UnitQueue.Taken first = queue.take();
        assertThat(path(first)).isEqualTo("b1");
        assertThat(first.batch()).isTrue();
        assertThat(path(queue.take())).as("b1 still runs").isEqualTo("o1");
        queue.done(first);
        UnitQueue.Taken second = queue.take();
        assertThat(path(second)).isEqualTo("b2");
        assertThat(path(queue.take())).isEqualTo("o2");
        queue.done(second);
        assertThat(queue.take()).isNull();
    }

    @Test
    void onceOtherUnitsRunOutBatchesRunSideBySide() {
        UnitQueue queue = new UnitQueue(List.of(unit("b1"), unit("b2"), unit("b3")), List.of(unit("o1")));
        UnitQueue.Taken first = queue.take();
        assertThat(path(queue.take())).isEqualTo("o1");
        UnitQueue.Taken second = queue.take();
        assertThat(path(second)).as("nothing else is left to do").isEqualTo("b2");
        assertThat(path(queue.take())).isEqualTo("b3");
        queue.done(first);
        queue.done(second);
        assertThat(queue.take()).isNull();
        assertThat(queue.size()).isEqualTo(4);
    }
}
