package org.broadsheet.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.broadsheet.config.BureauEntry;
import org.broadsheet.config.Gazetteer;
import org.broadsheet.text.Datelines;
import org.broadsheet.problem.Problem;
import org.broadsheet.text.TextDecoder;
import org.broadsheet.yaml.ClosestWord;
import org.broadsheet.yaml.YamlParser;
import org.broadsheet.yaml.YamlText;

/**
 * Writes a new article into {@code content/} ({@code broadsheet new}): the next free number on its page, with
 * front matter the loader reads back exactly, and the page's {@code _page.yml} when the page is new. Never
 * replaces a file: each file is written beside its target and then linked into place, which fails when the
 * target exists. Stateless apart from the gazetteer; safe to share.
 */
public final class ArticleWriter {
    /** How many known places an unknown dateline's warning suggests. */
    private static final int SUGGESTIONS = 3;

    private final Gazetteer gazetteer;

    public ArticleWriter(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * What to write.
     *
     * @param dateline as printed (包头讯), or empty
     * @param section  the page's name for a new {@code _page.yml}, or empty
     */
    public record Request(LocalDate date, int page, String title, String dateline, String section) {
        public Request {
            ContentLayout.pageFolder(date, page); // throws for a date or page that has no folder
            if (title.isBlank()) {
                throw new IllegalArgumentException("an article needs a title");
            }
        }
    }

    /**
     * @param written  the files written, relative to the site, the article first; empty when refused
     * @param problems warnings about what was written, or the error that refused it
     */
    public record Result(List<Path> written, List<Problem> problems) {
        public boolean refused() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /** Writes the article of {@code request} into the site folder {@code site}. */
    public Result write(Path site, Request request) throws IOException {
        Path pageFolder = ContentLayout.pageFolder(request.date(), request.page());
        Path folder = site.resolve(pageFolder);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return refused(pageFolder, "is not a folder", "move the file away; page folders hold the articles");
        }
        boolean newPage = !Files.isDirectory(folder);
        int number = nextNumber(folder);
        Path article = ContentLayout.articleFile(request.date(), request.page(),
                ContentLayout.articleFileName(number));
        Optional<BureauEntry> bureau = request.dateline().isBlank() ? Optional.empty()
                : gazetteer.byDateline(request.dateline());
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            return refused(site.relativize(Path.of(e.getFile())), "is a file where a folder is needed",
                    "move the file away");
        }
        if (!writeNew(site.resolve(article), frontMatter(request, bureau, number))) {
            return refused(article, "already exists; refusing to overwrite it", "run the command again");
        }
        List<Path> written = new ArrayList<>(List.of(article));
        List<Problem> problems = new ArrayList<>();
        if (!request.dateline().isBlank() && bureau.isEmpty() && !Gazetteer.isNewsroom(request.dateline())) {
            problems.add(unknownDateline(article, request.dateline()));
        }
        pageSettings(site, request, newPage, written, problems);
        return new Result(List.copyOf(written), List.copyOf(problems));
    }

    /** One more than the highest numbered article (01.md, 02.md, …) of the page; 1 on an empty page. */
    static int nextNumber(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 1;
        }
        int highest = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                String stem = name.endsWith(ContentLayout.MARKDOWN)
                        ? name.substring(0, name.length() - ContentLayout.MARKDOWN.length()) : "";
                if (stem.matches("[0-9]{1,6}") && ContentLayout.articleFileName(Math.max(1,
                        Integer.parseInt(stem))).equals(name)) {
                    highest = Math.max(highest, Integer.parseInt(stem));
                }
            }
        }
        return highest + 1;
    }

    static String frontMatter(Request request, Optional<BureauEntry> bureau, int number) {
        return frontMatter(new Fields(request.title(), "", "", request.dateline().strip(),
                bureau.map(BureauEntry::name).orElse(""), List.of(), "", number));
    }

    /**
     * The front matter of a story as {@code new} and {@code import} write it: empty texts are left out, except
     * {@code authors}, always written (as {@code []} when unknown) so that the webmaster sees where they go.
     *
     * @param bureau the bureau's full name (包头市), or empty
     * @param source a supplying organisation (翁牛特旗人民法院, without 供稿), or empty
     */
    public record Fields(String title, String kicker, String subtitle, String dateline, String bureau,
            List<String> authors, String source, int order) {
        public Fields {
            authors = List.copyOf(authors);
            if (title.isBlank()) {
                throw new IllegalArgumentException("an article needs a title");
            }
        }
    }

    /** {@code fields} as front matter between {@code ---} lines, every value written so that it reads back exactly. */
    public static String frontMatter(Fields fields) {
        StringBuilder text = new StringBuilder("---\n");
        text.append("title: ").append(YamlText.scalar(fields.title())).append('\n');
        optional(text, "kicker", fields.kicker());
        optional(text, "subtitle", fields.subtitle());
        optional(text, "dateline", fields.dateline());
        optional(text, "bureau", fields.bureau());
        text.append("authors: [").append(String.join(", ", fields.authors().stream().map(YamlText::scalar).toList()))
                .append("]\n");
        optional(text, "source", fields.source());
        text.append("order: ").append(fields.order()).append('\n');
        return text.append("---\n").toString();
    }

    private static void optional(StringBuilder text, String key, String value) {
        if (!value.isBlank()) {
            text.append(key).append(": ").append(YamlText.scalar(value)).append('\n');
        }
    }

    /** Writes {@code _page.yml} for a new page, or says why an existing page's section was left alone. */
    private static void pageSettings(Path site, Request request, boolean newPage, List<Path> written,
            List<Problem> problems) throws IOException {
        Path settings = ContentLayout.pageSettings(request.date(), request.page());
        Path file = site.resolve(settings);
        if (Files.exists(file)) {
            String section = existingSection(settings, file);
            if (!request.section().isBlank() && !request.section().strip().equals(section)) {
                problems.add(Problem.warning(settings, 0, 0, "the page already has "
                        + (section.isEmpty() ? "no section" : "the section '" + section + "'")
                        + "; left as it is, not changed to '" + request.section().strip() + "'",
                        "edit _page.yml to change the page's section"));
            }
            return;
        }
        if (!newPage && request.section().isBlank()) {
            return; // an existing page without settings keeps going without them
        }
        StringBuilder text = new StringBuilder("number: ").append(request.page()).append('\n');
        if (!request.section().isBlank()) {
            text.append("section: ").append(YamlText.scalar(request.section().strip())).append('\n');
        }
        if (writeNew(file, text.toString())) {
            written.add(settings);
        } else {
            problems.add(Problem.warning(settings, 0, 0, "appeared while writing; left as it is", ""));
        }
    }

    /**
     * The section an existing {@code _page.yml} names, or empty when it names none or cannot be read (the build
     * reports that); {@code settings} is its path relative to the site, {@code file} where it is.
     */
    public static String existingSection(Path settings, Path file) throws IOException {
        TextDecoder.Decoded decoded = TextDecoder.decode(settings, Files.readAllBytes(file));
        if (decoded.problem().isPresent()) {
            return "";
        }
        return YamlParser.parseMapping(settings, decoded.text(), 1).root()
                .map(yaml -> yaml.string("section", "").strip()).orElse("");
    }

    private Problem unknownDateline(Path article, String dateline) {
        List<String> near = closestPlaces(dateline);
        String advice = "add it to a bureau's datelines in site.yml, or set 'bureau:'";
        String hint = near.isEmpty() ? advice : "closest known places: " + String.join("、", near) + "; or " + advice;
        return Problem.warning(article, 3, 0, "unknown dateline '" + dateline + "': no bureau set", hint);
    }

    /**
     * The known places nearest to an unknown dateline's place, each with its bureau ("包头（包头市）"), nearest
     * first; empty when none is near enough to be a plausible misprint.
     */
    public List<String> closestPlaces(String dateline) {
        List<String> places = gazetteer.bureaus().stream().flatMap(b -> b.datelines().stream()).toList();
        String place = Datelines.placeOf(dateline);
        return ClosestWord.nearest(place, places, SUGGESTIONS, Math.max(1, place.length() / 2)).stream()
                .map(p -> p + "（" + gazetteer.byDateline(p).map(BureauEntry::name).orElse("") + "）").toList();
    }

    /**
     * Writes {@code text} to {@code target} unless it exists: into a hidden temporary file beside it (the
     * loader ignores names starting with a dot), then linked to the target's name, which fails atomically when
     * the name is taken. Returns false when it was.
     */
    public static boolean writeNew(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(target)) {
                    return false;
                }
                Files.move(temp, target); // no hard links here: a move without REPLACE_EXISTING
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Result refused(Path path, String message, String hint) {
        return new Result(List.of(), List.of(Problem.error(path, 0, 0, message, hint)));
    }
}
