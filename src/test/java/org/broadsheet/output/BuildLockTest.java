package org.broadsheet.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build per site: the lock file in .broadsheet/ is held until the build closes it. */
class BuildLockTest {
    @TempDir
    Path site;

    @Test
    void createsTheStateFolderAndTheLockFile() throws Exception {
        Path state = site.resolve(".broadsheet");

        try (BuildLock lock = BuildLock.tryAcquire(state).orElseThrow()) {
            assertThat(lock).isNotNull();
            assertThat(state.resolve("lock")).isRegularFile();
        }
    }

    @Test
    void aSecondAcquireWhileTheFirstIsHeldIsRefused() throws Exception {
        Path state = site.resolve(".broadsheet");

        try (BuildLock first = BuildLock.tryAcquire(state).orElseThrow()) {
            Optional<BuildLock> second = BuildLock.tryAcquire(state);

            assertThat(second).isEmpty();
            assertThat(first).isNotNull();
        }
    }

    @Test
    void theLockCanBeTakenAgainAfterItIsClosed() throws Exception {
        Path state = site.resolve(".broadsheet");
        BuildLock.tryAcquire(state).orElseThrow().close();

        Optional<BuildLock> again = BuildLock.tryAcquire(state);

        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void locksOfDifferentSitesAreIndependent() throws Exception {
        try (BuildLock hohhot = BuildLock.tryAcquire(site.resolve("呼和浩特/.broadsheet")).orElseThrow();
                BuildLock baotou = BuildLock.tryAcquire(site.resolve("包头/.broadsheet")).orElseThrow()) {
            assertThat(hohhot).isNotSameAs(baotou);
        }
    }
}
