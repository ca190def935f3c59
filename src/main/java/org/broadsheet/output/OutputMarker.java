package org.broadsheet.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.broadsheet.render.OutputPaths;
import org.broadsheet.text.Digests;

/**
 * The file {@code .broadsheet-output} in an output folder: it marks the folder as Broadsheet's, names the
 * site that publishes there, and lists every file that site published there.
 *
 * <p>The list lives in the output folder itself, not in the site's state, because it describes that folder:
 * a build into another folder in between (a preview, {@code serve}, {@code check}), a lost
 * {@code .broadsheet/} or a fresh clone in CI must not make a later build forget which of the folder's files
 * it wrote, or a deleted story would stay online. Only files on this list are ever removed as stale.
 *
 * <p>The site is named by a digest of its folder's real path, not the path itself, which would tell the
 * public web host where the site lies on the webmaster's disk.
 *
 * @param site  the digest naming the site that published here; empty in markers of Broadsheet before 0.2
 * @param files the files it published, sorted; empty in markers of Broadsheet before 0.2, which kept the
 *              list in the site's state folder
 */
public record OutputMarker(Optional<String> site, Optional<List<String>> files) {
    /** The marker's file name in the output folder. */
    public static final String NAME = ".broadsheet-output";
    private static final String HEADER = "This folder is published by Broadsheet. Files not written by Broadsheet "
            + "are left alone.";
    private static final String EXPLANATION = "Broadsheet keeps below the site that publishes here and every file "
            + "it published, to remove the files a later build no longer writes. Do not edit.";
    private static final String SITE = "site: ";
    private static final String FILES = "files:";

    public OutputMarker {
        files = files.map(List::copyOf);
    }

    /** A marker naming {@code site} (a {@link #siteId}) and its published {@code files}, sorted. */
    public static OutputMarker of(String site, List<String> files) {
        return new OutputMarker(Optional.of(site), Optional.of(files));
    }

    /**
     * What names a site in markers: a digest of its folder's real path. A site moved to another folder is
     * another site to the marker, and takes its output over with {@code --force}.
     */
    public static String siteId(Path site) {
        return Digests.sha256Hex(OutputGuard.real(site).toString(), 12);
    }

    /** The marker in {@code output}; empty when there is none (or it is not a regular file). */
    public static Optional<OutputMarker> read(Path output) throws IOException {
        Path file = output.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * The site the marker in {@code output} names, when the marker also lists its files: read from the
     * marker's first lines only, since the list after them is long (a line per published file) and a build
     * with nothing to do asks this first.
     */
    public static Optional<String> listingSite(Path output) throws IOException {
        Path file = output.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (java.io.BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Optional<String> site = Optional.empty();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(SITE)) {
                    site = Optional.of(line.substring(SITE.length()).strip());
                } else if (line.equals(FILES)) {
                    return site;
                }
            }
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the marker's text. Lines that are not safe output paths are skipped rather than trusted, so a
     * marker edited by hand can never make a build delete outside the output folder.
     */
    static OutputMarker parse(String text) {
        List<String> lines = text.lines().toList();
        Optional<String> site = Optional.empty();
        int filesAt = -1;
        for (int i = 0; i < lines.size() && filesAt < 0; i++) {
            if (lines.get(i).startsWith(SITE)) {
                site = Optional.of(lines.get(i).substring(SITE.length()).strip());
            } else if (lines.get(i).equals(FILES)) {
                filesAt = i + 1;
            }
        }
        if (filesAt < 0) {
            return new OutputMarker(site, Optional.empty());
        }
        List<String> files = new ArrayList<>(lines.size() - filesAt);
        for (String line : lines.subList(filesAt, lines.size())) {
            if (OutputPaths.problem(line).isEmpty()) {
                files.add(line);
            }
        }
        return new OutputMarker(site, Optional.of(files));
    }

    /** The marker's text. */
    String text() {
        StringBuilder text = new StringBuilder(64 + files.map(List::size).orElse(0) * 40);
        text.append(HEADER).append('\n').append(EXPLANATION).append('\n');
        site.ifPresent(id -> text.append(SITE).append(id).append('\n'));
        files.ifPresent(list -> {
            text.append(FILES).append('\n');
            list.forEach(path -> text.append(path).append('\n'));
        });
        return text.toString();
    }

    /**
     * Writes the marker into {@code folder} under a temporary name and renames it into place, so a reader
     * finds the old list or the new one, never half of one. A marker that already says this is left as it
     * is: its modification time then tells when the file list last changed.
     */
    void writeInto(Path folder) throws IOException {
        byte[] bytes = text().getBytes(StandardCharsets.UTF_8);
        Path file = folder.resolve(NAME);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == bytes.length
                && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Path temp = folder.resolve(NAME + ".tmp");
        Files.write(temp, bytes);
        Moves.replace(temp, file);
    }
}
