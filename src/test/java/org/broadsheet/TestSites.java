package org.broadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.build.BuildOptions;
import org.broadsheet.build.BuildResult;
import org.broadsheet.build.BuildSession;

/** Builds of the bundled sample archive, and small hand-made sites, in temporary folders. */
public final class TestSites {
    private TestSites() {
    }

    /** Copies the repository's sample site (site.yml, content/, themes/) into {@code dir}. */
    public static Path copySample(Path dir) {
        Path project = Path.of("").toAbsolutePath();
        Path site = dir.resolve("site");
        copyTree(project.resolve("content"), site.resolve("content"));
        copyTree(project.resolve("themes"), site.resolve("themes"));
        try {
            Files.copy(project.resolve("site.yml"), site.resolve("site.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return site;
    }

    /**
     * A site with the sample's theme and site.yml, in {@code dir}, whose content is one story a day on
     * {@code dates} ({@code content/YYYY/MM/DD/01/01.md}) and whose time zone is {@code timeZone}.
     */
    public static Path storyADay(Path dir, String timeZone, List<LocalDate> dates) {
        Path project = Path.of("").toAbsolutePath();
        Path site = dir.resolve("site");
        copyTree(project.resolve("themes"), site.resolve("themes"));
        String config = read(project.resolve("site.yml"));
        write(site.resolve("site.yml"), config.replace("timeZone: Asia/Shanghai", "timeZone: " + timeZone));
        for (LocalDate date : dates) {
            String folder = String.format("content/%04d/%02d/%02d/01/", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth());
            write(site.resolve(folder + "01.md"), "---\ntitle: " + date + "日本报要闻\n---\n正文。\n");
        }
        return site;
    }

    public static BuildResult build(BuildOptions options) {
        try {
            try (BuildSession session = BuildSession.open(options)) {
                return session.build(options);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir}, relative with '/' separators, sorted. */
    public static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the modification time of every regular file under {@code dir}. */
    public static void setModified(Path dir, FileTime time) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, time);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The current sources of {@code site} built once, in a copy of the site at {@code copy} that has never been
     * built (no cache, a new output folder): what an incremental build must have published. Returns the output.
     */
    public static Path builtFromScratch(Path site, Path copy) {
        copyTree(site.resolve("content"), copy.resolve("content"));
        copyTree(site.resolve("themes"), copy.resolve("themes"));
        write(copy.resolve("site.yml"), read(site.resolve("site.yml")));
        Path output = copy.resolve("public");
        BuildResult result = build(BuildOptions.defaults(copy).withOutput(output));
        if (result.outcome() != BuildResult.Outcome.PUBLISHED) {
            throw new AssertionError("the build from scratch failed: " + result.problems());
        }
        return output;
    }

    /** Path → SHA-256 of every file under {@code dir}, to prove "byte-identical". */
    public static java.util.Map<String, String> hashes(Path dir) {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        for (String file : files(dir)) {
            try {
                files.put(file, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(dir.resolve(file)))));
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return files;
    }

    /** The XML file {@code file}, parsed namespace-aware, refusing a DOCTYPE. */
    public static org.w3c.dom.Document xml(Path file) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                    read(file).getBytes(StandardCharsets.UTF_8)));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw new AssertionError("cannot parse " + file, e);
        }
    }
}
