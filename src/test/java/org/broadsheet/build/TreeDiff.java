package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.broadsheet.TestSites;

/** Lists the files in which two output trees differ (missing on one side, or different bytes). */
final class TreeDiff {
    private TreeDiff() {
    }

    static List<String> between(Path a, Path b) {
        TreeSet<String> all = new TreeSet<>(TestSites.files(a));
        all.addAll(TestSites.files(b));
        List<String> differences = new ArrayList<>();
        for (String file : all) {
            try {
                Path left = a.resolve(file);
                Path right = b.resolve(file);
                if (!Files.exists(left) || !Files.exists(right)
                        || !Arrays.equals(Files.readAllBytes(left), Files.readAllBytes(right))) {
                    differences.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return differences;
    }
}
