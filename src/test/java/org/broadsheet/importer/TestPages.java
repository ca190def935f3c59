package org.broadsheet.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadsheet.config.Gazetteer;

/** The team's test page texts (src/test/resources/org/broadsheet/importer), parsed as import parses them. */
final class TestPages {
    static final Path DIR = Path.of("src/test/resources/org/broadsheet/importer").toAbsolutePath();
    /** UTF-8, half-width punctuation, every artifact of a broken layout; a banner at the page's end. */
    static final Path PAGE_06 = DIR.resolve("page-06.txt");
    /** GB18030, full-width punctuation and digits, a banner at the page's start, 本报讯（记者 …）. */
    static final Path PAGE_03_GBK = DIR.resolve("page-03-gbk.txt");
    /** What importing both pages must write, under content/. */
    static final Path EXPECTED = DIR.resolve("expected");
    static final Gazetteer BUILT_IN = Gazetteer.of(List.of());

    private TestPages() {
    }

    static ImportedPage parse(Path file) {
        try {
            return parse(new PageParser(BUILT_IN), file.getFileName(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportedPage parse(String text) {
        return parse(new PageParser(BUILT_IN), Path.of("page.txt"), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static ImportedPage parse(PageParser parser, Path name, byte[] bytes) {
        PageParser.Parsed parsed = parser.parse(name, bytes);
        return parsed.page().orElseThrow(() -> new AssertionError("not parsed: " + parsed.problem()));
    }

    /** A page's head, for texts written inside tests. */
    static String head(String date, String page, String section) {
        return page + "\n\n北疆法治报\n\n" + date + "\n\n" + section + "\n\n责任编辑:钱某 制版编辑:乌某\n\n";
    }
}
