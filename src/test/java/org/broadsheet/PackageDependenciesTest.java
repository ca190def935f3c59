package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: config → content → markdown → archive → search → render → output → cache → build, with
 * the CLI, serve and the importer on top and small utilities (problem, io, text, yaml) below. A package may use
 * only packages of a lower layer; a sub-package (render.plan) belongs to its package. Every reference counts,
 * imports and fully written names alike, comments aside.
 */
class PackageDependenciesTest {
    /** The layers, lowest first; packages in one layer may not use each other. */
    static final List<Set<String>> LAYERS = List.of(
            Set.of("problem", "io"),
            Set.of("text", "yaml"),
            Set.of("config"),
            Set.of("content"),
            Set.of("markdown"),
            Set.of("archive"),
            Set.of("search"),
            Set.of("render"),
            Set.of("output"),
            Set.of("cache"),
            Set.of("build", "importer"),
            Set.of("serve"),
            Set.of("cli"));

    private static final Path SOURCES = Path.of("src/main/java/org/broadsheet");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.broadsheet\\.([a-z]+)\\.");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyPackageUsesOnlyLowerLayers() throws IOException {
        assertThat(violations(uses())).isEmpty();
    }

    @Test
    void everyPackageHasALayer() throws IOException {
        Set<String> layered = new TreeSet<>();
        LAYERS.forEach(layered::addAll);
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        assertThat(layered).isEqualTo(packages);
    }

    @Test
    void aModelThatImportsTheRendererIsCaught() {
        Map<String, Set<String>> uses = Map.of("archive", Set.of("text"), "render", Set.of("archive"),
                "content", Set.of("config"));
        assertThat(violations(uses)).isEmpty();
        assertThat(violations(Map.of("archive", Set.of("render"), "build", Set.of("importer"))))
                .containsExactly("archive uses render", "build uses importer");
    }

    @Test
    void referencesAreFoundInImportsAndFullNamesButNotInComments() {
        assertThat(referencesIn("""
                import org.broadsheet.text.Datelines;
                /** see {@code org.broadsheet.cli.Main} */
                String s = org.broadsheet.search.SearchLayout.PAGE; // org.broadsheet.serve.X
                """)).containsExactly("search", "text");
    }

    /** For each package, the other packages its main sources refer to. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String owner = SOURCES.relativize(file).getName(0).toString();
                Set<String> used = referencesIn(Files.readString(file, StandardCharsets.UTF_8));
                used.remove(owner);
                uses.computeIfAbsent(owner, p -> new TreeSet<>()).addAll(used);
            }
        }
        return uses;
    }

    private static Set<String> referencesIn(String source) {
        Matcher reference = REFERENCE.matcher(COMMENT.matcher(source).replaceAll(""));
        Set<String> found = new TreeSet<>();
        while (reference.find()) {
            found.add(reference.group(1));
        }
        return found;
    }

    private static List<String> violations(Map<String, Set<String>> uses) {
        List<String> violations = new ArrayList<>();
        new TreeMap<>(uses).forEach((from, targets) -> targets.forEach(to -> {
            if (layer(to) >= layer(from)) {
                violations.add(from + " uses " + to);
            }
        }));
        return violations;
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new AssertionError("package " + pkg + " has no layer in PackageDependenciesTest.LAYERS");
    }
}
