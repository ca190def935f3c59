package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.broadsheet.cache.RecentChanges;
import org.broadsheet.config.SiteConfig;
import org.broadsheet.content.ContentListing;
import org.broadsheet.render.Theme;

/**
 * A digest of everything a build reads: Broadsheet itself and the Markdown settings (the build key), the
 * options that change the output, the parsed site.yml, and every file of content/ and of the theme by path,
 * size and modification time. Equal digests mean the build would publish exactly what is already published.
 *
 * <p>Files are known by size and modification time, as the article cache knows them; the newest modification
 * time is kept so that a build does not vouch for files changed within the file system's timestamp
 * resolution (see {@link #settled}).
 */
final class InputDigest {
    private final MessageDigest sha = sha256();
    private final ByteBuffer numbers = ByteBuffer.allocate(16);
    private long newest = Long.MIN_VALUE;
    private String hex;

    private InputDigest() {
    }

    static InputDigest of(Path site, Path output, String buildKey, BuildOptions options, SiteConfig config,
            Theme theme, ContentListing content) throws IOException {
        InputDigest digest = new InputDigest();
        digest.text(buildKey);
        digest.text("output " + output);
        digest.text("options " + options.baseUrl() + " " + options.engine() + " drafts " + options.drafts()
                + " keep-going " + options.keepGoing() + " strict " + options.strict() + " clock " + options.clock());
        digest.text("config " + config);
        digest.file(site, Path.of("site.yml"));
        for (Path dir : theme.chain()) {
            for (Path file : filesUnder(site, dir)) {
                digest.file(site, file);
            }
        }
        for (ContentListing.Listed file : content.files()) {
            digest.file(file.key(), file.size(), file.modified());
        }
        for (Path link : content.links()) {
            digest.text("link " + link);
        }
        digest.hex = HexFormat.of().formatHex(digest.sha.digest());
        return digest;
    }

    /** The digest, as hex. */
    String hex() {
        return hex;
    }

    /**
     * Whether every input was last changed more than two seconds before {@code startMillis}: on a file system
     * that keeps times to the second, a file changed again within the same second would look unchanged.
     */
    boolean settled(long startMillis) {
        return newest < startMillis * 1_000_000L - RecentChanges.WINDOW_NANOS;
    }

    private void text(String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /** A file as the build reads it: through symbolic links, which templates may be. */
    private void file(Path site, Path relative) throws IOException {
        Path path = site.resolve(relative);
        if (!Files.exists(path)) {
            text("absent " + relative);
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        file(relative.toString().replace('\\', '/'), attributes.size(), nanos(attributes.lastModifiedTime()));
    }

    private static long nanos(FileTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private void file(String key, long size, long modified) {
        text(key);
        numbers.clear();
        numbers.putLong(size).putLong(modified);
        sha.update(numbers.array());
        newest = Math.max(newest, modified);
    }

    /**
     * Every file under {@code dir} (relative to the site), sorted. Links are followed, as the template loader
     * follows them; a loop of links is an IOException, and the build then simply does its work.
     */
    private static List<Path> filesUnder(Path site, Path dir) throws IOException {
        Path root = site.resolve(dir);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> files = new ArrayList<>(walk.filter(path -> !Files.isDirectory(path))
                    .map(path -> dir.resolve(root.relativize(path))).toList());
            files.sort(Comparator.comparing(path -> path.toString().replace('\\', '/')));
            return files;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
