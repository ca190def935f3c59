package org.broadsheet.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.text.TextDecoder;
import org.broadsheet.yaml.YamlMap;
import org.broadsheet.yaml.YamlParser;

/**
 * A theme and the themes it inherits from ({@code parent:} in theme.yml). A child's template or static
 * file replaces the parent's of the same name.
 *
 * @param chain theme folders, the site's chosen theme first, relative to the site
 */
public record Theme(String name, List<Path> chain) {
    static final String THEMES_DIR = "themes";
    private static final int MAX_DEPTH = 5;

    public Theme {
        chain = List.copyOf(chain);
    }

    /** Resolves {@code name} under {@code SITE/themes/}, following parents; empty (and a problem) on failure. */
    public static Optional<Theme> resolve(Path siteDir, String name, Problems problems) {
        List<Path> chain = new ArrayList<>();
        String current = name;
        while (current != null) {
            Path dir = Path.of(THEMES_DIR, current);
            if (chain.contains(dir)) {
                problems.add(Problem.error(dir.resolve("theme.yml"), 0, 0, "theme '" + current
                        + "' inherits from itself", "remove the 'parent:' that closes the loop"));
                return Optional.empty();
            }
            if (!Files.isDirectory(siteDir.resolve(dir))) {
                Path blame = chain.isEmpty() ? Path.of("site.yml") : chain.get(chain.size() - 1).resolve("theme.yml");
                problems.add(Problem.error(blame, 0, 0, "theme '" + current + "' not found in themes/",
                        "themes available: " + String.join(", ", available(siteDir))));
                return Optional.empty();
            }
            chain.add(dir);
            if (chain.size() > MAX_DEPTH) {
                problems.add(Problem.error(dir.resolve("theme.yml"), 0, 0, "theme inheritance is deeper than "
                        + MAX_DEPTH, "let the theme inherit from the default theme directly"));
                return Optional.empty();
            }
            current = parentOf(siteDir, dir, problems).orElse(null);
        }
        return Optional.of(new Theme(name, chain));
    }

    /** Template folders, most specific first. */
    public List<Path> templateDirs(Path siteDir) {
        return chain.stream().map(dir -> siteDir.resolve(dir).resolve("templates")).toList();
    }

    /**
     * The theme's static files: output-relative name → file, a child's file winning over its parent's.
     * Symbolic links are skipped: a theme must not publish files from elsewhere on the machine.
     */
    public Map<String, Path> staticFiles(Path siteDir) {
        Map<String, Path> files = new TreeMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Path root = siteDir.resolve(chain.get(i)).resolve("static");
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> Files.isRegularFile(path) && !Files.isSymbolicLink(path))
                        .forEach(path -> files.put(root.relativize(path).toString().replace('\\', '/'), path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static Optional<String> parentOf(Path siteDir, Path themeDir, Problems problems) {
        Path file = themeDir.resolve("theme.yml");
        if (!Files.isRegularFile(siteDir.resolve(file))) {
            return Optional.empty();
        }
        try {
            TextDecoder.Decoded decoded = TextDecoder.decode(file, Files.readAllBytes(siteDir.resolve(file)));
            if (decoded.problem().isPresent()) {
                problems.add(decoded.problem().get());
                return Optional.empty();
            }
            YamlParser.Result parsed = YamlParser.parseMapping(file, decoded.text(), 1);
            problems.addAll(parsed.problems());
            if (parsed.root().isEmpty()) {
                return Optional.empty();
            }
            YamlMap yaml = parsed.root().get();
            yaml.rejectUnknownKeys(List.of("name", "parent", "description"), "theme.yml");
            Optional<String> parent = yaml.string("parent").map(String::strip);
            problems.addAll(yaml.problems());
            return parent;
        } catch (IOException e) {
            problems.add(Problem.error(file, 0, 0, "cannot read theme.yml: " + e.getMessage(), ""));
            return Optional.empty();
        }
    }

    private static List<String> available(Path siteDir) {
        try (Stream<Path> list = Files.list(siteDir.resolve(THEMES_DIR))) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("(none: there is no themes/ folder)");
        }
    }
}
