package org.broadsheet.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.broadsheet.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In one JVM: the file system's listing order and the thread count never change a byte of output. */
class DeterminismTest {
    @TempDir
    Path temp;

    @Test
    void shuffledListingsAndThreadCountsGiveIdenticalTrees() {
        Path site = TestSites.copySample(temp);
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        TestSites.build(BuildOptions.defaults(site).withOutput(first).withThreads(1));
        Random random = new Random(20251212);
        TestSites.build(BuildOptions.defaults(site).withOutput(second).withThreads(7).withListingOrder(files -> {
            List<Path> shuffled = new ArrayList<>(files);
            Collections.shuffle(shuffled, random);
            return shuffled;
        }));
        assertThat(TreeDiff.between(first, second)).isEmpty();
        assertThat(TestSites.files(first)).hasSizeGreaterThan(80);
    }
}
