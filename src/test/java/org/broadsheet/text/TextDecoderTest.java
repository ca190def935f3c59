package org.broadsheet.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.broadsheet.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict UTF-8: same text whatever the editor's line ends or BOM, and a located error for anything else. */
class TextDecoderTest {
    private static final Path FILE = Path.of("content/2025/12/12/01/01.md");
    private static final String ARTICLE = "---\ntitle: 包头中院发布典型案例\ndateline: 达茂旗讯\n---\n正文第一段。\n";

    private static TextDecoder.Decoded decode(byte[] bytes) {
        return TextDecoder.decode(FILE, bytes);
    }

    private static String decodedText(byte[] bytes) {
        TextDecoder.Decoded decoded = decode(bytes);
        assertThat(decoded.problem()).isEmpty();
        return decoded.text();
    }

    private static Problem problemOf(byte[] bytes) {
        TextDecoder.Decoded decoded = decode(bytes);
        assertThat(decoded.text()).as("no partial text is handed on").isEmpty();
        return decoded.problem().orElseThrow();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void decodesPlainUtf8Unchanged() {
        assertThat(decodedText(utf8(ARTICLE))).isEqualTo(ARTICLE);
    }

    @Test
    void dropsTheByteOrderMark() {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(ARTICLE));

        assertThat(decodedText(withBom)).isEqualTo(ARTICLE).doesNotStartWith("\uFEFF");
    }

    @Test
    void crlfAndCrGiveTheSameTextAsLf() {
        String crlf = ARTICLE.replace("\n", "\r\n");
        String cr = ARTICLE.replace("\n", "\r");

        assertThat(decodedText(utf8(crlf))).isEqualTo(ARTICLE);
        assertThat(decodedText(utf8(cr))).isEqualTo(ARTICLE);
        assertThat(decodedText(utf8("甲\r\r\n乙\n\r丙"))).isEqualTo("甲\n\n乙\n\n丙");
    }

    @Test
    void keepsSurrogatePairCharacters() {
        String text = "title: 𬘭𠀀\nauthors: [王𬘭, 𠀀]\n";

        String decoded = decodedText(utf8(text));

        assertThat(decoded).isEqualTo(text).contains("𬘭", "𠀀");
        assertThat(decoded.codePoints().filter(Character::isSupplementaryCodePoint).count()).isEqualTo(4);
        assertThat(decoded).doesNotContain("\uFFFD");
    }

    @Test
    void gbkFileIsRefusedOnItsLineWithAGb18030Hint() {
        byte[] gbk = concat(utf8("---\ntitle: x\n"), "dateline: 那吉讯\n".getBytes(Charset.forName("GBK")));

        Problem problem = problemOf(gbk);

        assertThat(problem.isError()).isTrue();
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("file is not valid UTF-8").contains("offset 23");
        assertThat(problem.hint()).contains("GB18030").contains("iconv -f GB18030 -t UTF-8");
    }

    @Test
    void gb18030FourByteCharactersAreRecognisedToo() {
        byte[] gb18030 = "标题：𠀀和𬘭\n".getBytes(Charset.forName("GB18030"));

        Problem problem = problemOf(gb18030);

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.hint()).contains("GB18030");
    }

    @Test
    void otherBadBytesGetThePlainHintAndTheirLine() {
        byte[] latin1 = concat(utf8("第一行\n第二行\n"), "café au lait\n".getBytes(StandardCharsets.ISO_8859_1));

        Problem problem = problemOf(latin1);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.hint()).isEqualTo("save the file as UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "EDA080", "F4908080", "E4B8", "FF"})
    void refusesOverlongSurrogateOutOfRangeTruncatedAndStrayBytes(String hex) {
        byte[] bad = concat(utf8("标题\n正文\n"), java.util.HexFormat.of().parseHex(hex));

        assertThat(problemOf(bad).line()).isEqualTo(3);
    }

    @Test
    void lineOfABadByteCountsFromTheFileStartEvenAfterABom() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("一\n二\n"),
                new byte[] {(byte) 0x80});

        Problem problem = problemOf(bytes);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.file()).isEqualTo(FILE);
    }

    @Test
    void refusesNulOnItsLine() {
        Problem problem = problemOf(utf8("---\r\ntitle: 标\u0000题\r\n---\r\n"));

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).isEqualTo("file contains a NUL character");
        assertThat(problem.hint()).contains("UTF-16");
    }

    @Test
    void utf16TextIsRefused() {
        assertThat(decode("title: 北疆\n".getBytes(StandardCharsets.UTF_16LE)).problem()).isPresent();
        assertThat(decode("title: 北疆\n".getBytes(StandardCharsets.UTF_16)).problem()).isPresent();
    }

    @Test
    void emptyFileAndBomOnlyFileAreEmptyText() {
        assertThat(decodedText(new byte[0])).isEmpty();
        assertThat(decodedText(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
    }

    @Test
    void badByteInACrOnlyFileIsReportedOnItsRealLine() {
        byte[] gbk = concat(utf8("---\rtitle: x\r"), "dateline: 那吉讯\r".getBytes(Charset.forName("GBK")));

        assertThat(problemOf(gbk).line()).isEqualTo(3);
    }

    @Test
    void aReplacementCharacterLeftByAnEarlierBadDecodingIsRefusedWithItsLine() {
        TextDecoder.Decoded decoded = TextDecoder.decode(Path.of("content/a.md"),
                "第一行\n第二行\uFFFD\n".getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("U+FFFD");
        });
    }
}
