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
import org.broadsheet.output.OutputMarker;

/**
 * Lists the files in which two output trees differ (missing on one side, or different bytes). The output
 * markers are compared by the files they list: they also name the site folder that published, which
 * differs between a site and its copy.
 */
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
                if (!Files.exists(left) || !Files.exists(right)) {
                    differences.add(file);
                } else if (file.equals(OutputMarker.NAME)) {
                    if (!OutputMarker.read(a).flatMap(OutputMarker::files)
                            .equals(OutputMarker.read(b).flatMap(OutputMarker::files))) {
                        differences.add(file);
                    }
                } else if (!Arrays.equals(Files.readAllBytes(left), Files.readAllBytes(right))) {
                    differences.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return differences;
    }
}
