package org.broadsheet.content;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The one place that knows the folders of {@code content/}: what a file there is ({@link #parse}), and where
 * a date, a page or an article lives ({@link #issueFolder}, {@link #pageFolder}, {@link #articleFile}, …).
 * Whatever reads or writes {@code content/} goes through here, so that the loader reads what the writers
 * write. Paths are relative to the site folder and start with {@code content}.
 *
 * <pre>
 * content/YYYY/MM/DD/_issue.yml        issue settings
 * content/YYYY/MM/DD/NN/_page.yml      page settings
 * content/YYYY/MM/DD/NN/*.md           articles, with the files they show beside them
 * content/pages/*.md                   standalone pages
 * </pre>
 */
public final class ContentLayout {
    public static final String CONTENT_DIR = "content";
    /** {@code content/} as a path relative to the site, for problems about the folder as a whole. */
    public static final Path ROOT = Path.of(CONTENT_DIR);
    /** Folder of standalone pages inside content/. */
    public static final String PAGES_DIR = "pages";
    public static final String ISSUE_SETTINGS = "_issue.yml";
    public static final String PAGE_SETTINGS = "_page.yml";
    /** The extension of articles and standalone pages. */
    public static final String MARKDOWN = ".md";

    private static final Misplaced ELSEWHERE = new Misplaced("file is not where Broadsheet looks for content",
            "articles go in content/YYYY/MM/DD/NN/*.md, page settings in …/NN/_page.yml, "
                    + "issue settings in …/DD/_issue.yml, standalone pages in content/pages/*.md");
    private static final Hidden HIDDEN = new Hidden();

    private ContentLayout() {
    }

    /** What a file under {@code content/} is: one record per kind, handed to a {@link Visitor}. */
    public sealed interface Place permits IssueSettings, PageSettings, Article, PageFile, StandalonePage, Hidden,
            Misplaced {
        /** Calls the method of {@code visitor} for this kind of place. */
        <C> void accept(Visitor<C> visitor, C context);
    }

    /**
     * Handles each kind of {@link Place}; {@code context} is whatever the caller needs beside the place (the
     * loader passes the listed file), so that one visitor serves a whole listing.
     */
    public interface Visitor<C> {
        void issueSettings(IssueSettings place, C context);

        void pageSettings(PageSettings place, C context);

        void article(Article place, C context);

        void pageFile(PageFile place, C context);

        void standalonePage(StandalonePage place, C context);

        void misplaced(Misplaced place, C context);

        /** Does nothing: names starting with a dot (.DS_Store, .01.md.swp) are editor and OS droppings. */
        default void hidden(Hidden place, C context) {
        }
    }

    /** {@code content/YYYY/MM/DD/_issue.yml}. */
    public record IssueSettings(LocalDate date) implements Place {
        @Override
        public <C> void accept(Visitor<C> visitor, C context) {
            visitor.issueSettings(this, context);
        }
    }

    /** {@code content/YYYY/MM/DD/NN/_page.yml}. */
    public record PageSettings(LocalDate date, int page) implements Place {
        @Override
        public <C> void accept(Visitor<C> visitor, C context) {
            visitor.pageSettings(this, context);
        }
    }

    /** {@code content/YYYY/MM/DD/NN/NAME.md}: a story on page {@code page} of the issue of {@code date}. */
    public record Article(LocalDate date, int page, String name) implements Place {
        @Override
        public <C> void accept(Visitor<C> visitor, C context) {
            visitor.article(this, context);
        }
    }

    /** Any other file in a page folder (a photo, the page scan, its PDF): copied beside the page's HTML. */
    public record PageFile(LocalDate date, int page, String name) implements Place {
        @Override
        public <C> void accept(Visitor<C> visitor, C context) {
            visitor.pageFile(this, context);
        }
    }

    /** {@code content/pages/NAME.md}: a page outside the dated archive (关于本报). */
    public record StandalonePage(String name) implements Place {
        @Override
        public <C> void accept(Visitor<C> visitor, C context) {
            visitor.standalonePage(this, context);
        }
    }

    /** A file whose name starts with a dot: not content, and not an error. */
    public record Hidden() implements Place {
        @Override
        public <C> void accept(Visitor<C> visitor, C context) {
            visitor.hidden(this, context);
        }
    }

    /** A file where Broadsheet does not look: an error, so that a misplaced file is never silently dropped. */
    public record Misplaced(String message, String hint) implements Place {
        @Override
        public <C> void accept(Visitor<C> visitor, C context) {
            visitor.misplaced(this, context);
        }
    }

    /** What the file at {@code relative} (a path relative to the site, under {@code content/}) is. */
    public static Place parse(Path relative) {
        return parse(relative.toString(), relative.getFileSystem().getSeparator().charAt(0));
    }

    /** What the file at {@code path} ({@code content/…} with forward slashes, as a listing's key) is. */
    public static Place parse(String path) {
        return parse(path, '/');
    }

    /**
     * Runs for every file of the archive on every build, so it works on indexes into one string: no regular
     * expression, no list of parts, nothing allocated but the date and the result (and the messages of
     * misplaced files). The separator comes from the path's file system, so that on Unix a file name holding
     * a backslash stays one name.
     */
    private static Place parse(String path, char separator) {
        int content = path.indexOf(separator); // each index below is the separator after one more folder
        if (content != CONTENT_DIR.length() || !path.startsWith(CONTENT_DIR)) {
            throw new IllegalArgumentException("not a path under content/: " + path);
        }
        int year = path.indexOf(separator, content + 1);
        int month = year < 0 ? -1 : path.indexOf(separator, year + 1);
        int day = month < 0 ? -1 : path.indexOf(separator, month + 1);
        int page = day < 0 ? -1 : path.indexOf(separator, day + 1);
        int deeper = page < 0 ? -1 : path.indexOf(separator, page + 1);
        int nameStart = path.lastIndexOf(separator) + 1;

        if (month < 0 && year >= 0 && year - content - 1 == PAGES_DIR.length()
                && path.startsWith(PAGES_DIR, content + 1) && path.endsWith(MARKDOWN)) {
            return new StandalonePage(path.substring(nameStart));
        }
        if (path.charAt(nameStart) == '.') {
            return HIDDEN;
        }
        if (day < 0) {
            return ELSEWHERE; // too shallow for an issue folder
        }
        if (!(digits(path, content + 1, year, 4) && digits(path, year + 1, month, 2)
                && digits(path, month + 1, day, 2))) {
            return new Misplaced("folder " + slashed(path.substring(content + 1, day), separator) + " is not a date",
                    "issue folders are content/YYYY/MM/DD, e.g. content/2025/12/12");
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(path, content + 1, year, 10),
                    Integer.parseInt(path, year + 1, month, 10), Integer.parseInt(path, month + 1, day, 10));
        } catch (DateTimeException e) {
            return new Misplaced("folder " + slashed(path.substring(content + 1, day), separator)
                    + " is not a real date", "check the month and the day");
        }
        if (page < 0) {
            return isName(path, nameStart, ISSUE_SETTINGS) ? new IssueSettings(date) : ELSEWHERE;
        }
        if (deeper >= 0) {
            return ELSEWHERE; // a folder inside a page folder
        }
        int number = pageNumber(path, day + 1, page);
        if (number < 1) {
            return new Misplaced("page folder '" + path.substring(day + 1, page) + "' is not a page number",
                    "name page folders 01, 02, … 99, 100, …");
        }
        if (isName(path, nameStart, PAGE_SETTINGS)) {
            return new PageSettings(date, number);
        }
        String name = path.substring(nameStart);
        return name.endsWith(MARKDOWN) ? new Article(date, number, name) : new PageFile(date, number, name);
    }

    /**
     * The number of the page folder spelled by {@code path[from, to)}, or 0 when it is not one. Only the
     * canonical spelling ({@link #pageFolderName}: 01, not 1 or 001) counts, so that the folder and the page's
     * URL always agree.
     */
    private static int pageNumber(String path, int from, int to) {
        int length = to - from;
        if (!(length == 2 || length == 3) || !digits(path, from, to, length)) {
            return 0;
        }
        int number = Integer.parseInt(path, from, to, 10);
        boolean canonical = number < 10 ? length == 2 : path.charAt(from) != '0';
        return canonical ? number : 0;
    }

    /** Whether {@code path[from, to)} is {@code length} ASCII digits (a regular expression per file was slow). */
    private static boolean digits(String path, int from, int to, int length) {
        if (to - from != length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (path.charAt(i) < '0' || path.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String path, int nameStart, String name) {
        return path.length() - nameStart == name.length() && path.startsWith(name, nameStart);
    }

    private static String slashed(String path, char separator) {
        return path.replace(separator, '/');
    }

    /** A path relative to the site with forward slashes whatever the platform: a listing's key, a message's path. */
    public static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** Whether {@code relative} is a Markdown file under content/: an article or a standalone page. */
    public static boolean isMarkdownSource(Path relative) {
        return relative.toString().endsWith(MARKDOWN) && relative.startsWith(CONTENT_DIR);
    }

    /** {@code content/YYYY/MM/DD}; years before 0 or after 9999 have no folder. */
    public static Path issueFolder(LocalDate date) {
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " has no issue folder: folders are YYYY");
        }
        String digits = Integer.toString(year);
        return Path.of(CONTENT_DIR, "0".repeat(4 - digits.length()) + digits, twoDigits(date.getMonthValue()),
                twoDigits(date.getDayOfMonth()));
    }

    /** {@code content/YYYY/MM/DD/_issue.yml}. */
    public static Path issueSettings(LocalDate date) {
        return issueFolder(date).resolve(ISSUE_SETTINGS);
    }

    /** {@code content/YYYY/MM/DD/NN}; pages are numbered 1 to 999 (page folders have two or three digits). */
    public static Path pageFolder(LocalDate date, int page) {
        if (page < 1 || page > 999) {
            throw new IllegalArgumentException("page " + page + " has no folder: pages are numbered 1 to 999");
        }
        return issueFolder(date).resolve(pageFolderName(page));
    }

    /** {@code content/YYYY/MM/DD/NN/_page.yml}. */
    public static Path pageSettings(LocalDate date, int page) {
        return pageFolder(date, page).resolve(PAGE_SETTINGS);
    }

    /** {@code content/YYYY/MM/DD/NN/NAME}: an article (NAME ends in .md) or a file beside the articles. */
    public static Path articleFile(LocalDate date, int page, String name) {
        return pageFolder(date, page).resolve(name);
    }

    /** {@code content/pages/NAME}. */
    public static Path standalonePage(String name) {
        return ROOT.resolve(PAGES_DIR).resolve(name);
    }

    /** The name of a page's folder, as {@code String.format("%02d")} spells it: 6 → "06", 100 → "100". */
    public static String pageFolderName(int page) {
        return twoDigits(page);
    }

    /** The file name of the {@code n}th article of a page, as {@code new} and {@code import} write it: "01.md". */
    public static String articleFileName(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("article " + n + ": articles are numbered from 1");
        }
        return twoDigits(n) + MARKDOWN;
    }

    /** Written by hand: String.format is slow enough to show in profiles of big builds. */
    private static String twoDigits(int number) {
        return number < 10 && number >= 0 ? "0" + number : Integer.toString(number);
    }
}
