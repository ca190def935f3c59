package org.broadsheet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** File-system calls on many threads: every task runs, and the first failure reaches the caller. */
class IoPoolTest {
    @Test
    void everyItemIsHandledEvenWhenTheQueueOverflows() throws IOException {
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();

        IoPool.forEach(items, seen::add);

        assertThat(seen).hasSize(5_000);
    }

    @Test
    void aFailureIsThrownByFinishWithItsOwnType() {
        IoPool pool = new IoPool();
        pool.submit(() -> {
            throw new NoSuchFileException("public/2025/12/12/index.html");
        });

        assertThatThrownBy(pool::finish).isInstanceOf(NoSuchFileException.class)
                .hasMessage("public/2025/12/12/index.html");
    }

    @Test
    void anUncheckedFailureIsThrownAsIs() {
        IoPool pool = new IoPool();
        pool.submit(() -> {
            throw new IllegalStateException("坏了");
        });

        assertThatThrownBy(pool::finish).isInstanceOf(IllegalStateException.class).hasMessage("坏了");
    }
}
