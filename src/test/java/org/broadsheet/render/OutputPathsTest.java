package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Output paths must stay inside the output folder and mean the same on every system. */
class OutputPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "2025/12/12/04/普法小课堂.html", "2025/12/12/01/xianfa-xuanchuan-zhou.html",
        "bureaus/hulunbuir/index.html", "assets/𠀀𬘭.png", "console.html", "com10.html", "lpt.css", "a..b/c.html",
        ".well-known/security.txt"})
    void acceptsOrdinaryRelativePaths(String path) {
        assertThat(OutputPaths.problem(path)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "../etc/passwd|has an empty, '.' or '..' segment",
        "2025/../../x.html|has an empty, '.' or '..' segment",
        "2025/12/..|has an empty, '.' or '..' segment",
        "./index.html|has an empty, '.' or '..' segment",
        "2025//12/index.html|has an empty, '.' or '..' segment",
        "/etc/passwd|not a relative file path",
        "2025/12/|not a relative file path",
        "2025\\12\\index.html|contains '\\' or ':'",
        "C:/Windows/win.ini|contains '\\' or ':'",
        "c:index.html|contains '\\' or ':'",
        "报纸:副刊.html|contains '\\' or ':'"})
    void refusesPathsThatLeaveOrAreAmbiguous(String path, String reason) {
        assertThat(OutputPaths.problem(path)).contains(reason);
    }

    @Test
    void refusesTheEmptyPathAndControlCharacters() {
        assertThat(OutputPaths.problem("")).contains("not a relative file path");
        assertThat(OutputPaths.problem("a\u0000.html")).contains("contains a control character");
        assertThat(OutputPaths.problem("2025/12/12/01/a\nb.html")).contains("contains a control character");
        assertThat(OutputPaths.problem("a\tb.html")).contains("contains a control character");
        assertThat(OutputPaths.problem("a\u007fb.html")).contains("contains a control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"con.html", "CON.HTML", "2025/12/12/01/aux.html", "nul", "prn.tar.gz", "com1.png",
        "LPT9.txt", "com1/index.html"})
    void refusesWindowsReservedNamesInAnySegment(String path) {
        assertThat(OutputPaths.problem(path)).get().asString().startsWith("uses the reserved name '");
    }

    @Test
    void resolveJoinsAcceptedPathsUnderTheRoot() {
        Path root = Path.of("/srv/www/archive");

        assertThat(OutputPaths.resolve(root, "2025/12/12/04/普法小课堂.html"))
                .isEqualTo(root.resolve("2025").resolve("12").resolve("12").resolve("04").resolve("普法小课堂.html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.html", "/etc/passwd", "con.html", "", "a\\..\\..\\b"})
    void resolveThrowsOnRefusedPathsNamingThem(String path) {
        assertThatIllegalArgumentException().isThrownBy(() -> OutputPaths.resolve(Path.of("/srv/www"), path))
                .withMessageContaining("'" + path + "'");
    }
}
