package org.broadsheet.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Page texts in UTF-8 or GBK/GB18030 are read exactly; anything else is refused, never patched over. */
class PageDecoderTest {
    private static final Path FILE = Path.of("pages/p06.txt");
    private static final String TEXT = "06\n北疆法治报\n包头讯 法官𬘭某说：“依法办事。”\n";

    @Test
    void utf8WithBomAndCrlfIsReadAsLfText() {
        byte[] body = TEXT.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        PageDecoder.Decoded decoded = PageDecoder.decode(FILE, bytes);

        assertThat(decoded.problem()).isEmpty();
        assertThat(decoded.text()).isEqualTo(TEXT);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbkAndGb18030AreDetectedAndReadExactly() {
        for (String name : new String[] {"GBK", "GB18030"}) {
            String text = name.equals("GBK") ? "06\n北疆法治报\n包头讯 依法办事。\n" : TEXT; // 𬘭 is not in GBK
            PageDecoder.Decoded decoded = PageDecoder.decode(FILE, text.getBytes(Charset.forName(name)));

            assertThat(decoded.problem()).as(name).isEmpty();
            assertThat(decoded.text()).as(name).isEqualTo(text);
            assertThat(decoded.charset().name()).isEqualTo("GB18030");
        }
    }

    @Test
    void bytesThatAreNeitherAreRefusedNamingTheFile() {
        byte[] bytes = {'0', '6', '\n', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, '\n'};

        PageDecoder.Decoded decoded = PageDecoder.decode(FILE, bytes);

        assertThat(decoded.failed()).isTrue();
        assertThat(decoded.text()).isEmpty();
        assertThat(decoded.problem().get().format())
                .isEqualTo("pages/p06.txt: error: cannot read the page text: it is neither UTF-8 nor GBK/GB18030 "
                        + "(save it as UTF-8, or check that it is a text file at all)");
    }

    @Test
    void aReplacementCharacterLeftByAnEarlierConversionIsRefused() {
        PageDecoder.Decoded decoded = PageDecoder.decode(FILE, "06\n包头讯 \uFFFD\uFFFD。\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.problem()).get().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("U+FFFD");
        });
    }

    @Test
    void utf16IsRefused() {
        assertThat(PageDecoder.decode(FILE, TEXT.getBytes(StandardCharsets.UTF_16LE)).failed()).isTrue();
        // ASCII in UTF-16 is valid UTF-8, but for its NUL bytes
        assertThat(PageDecoder.decode(FILE, "06\n2025/12/12\n".getBytes(StandardCharsets.UTF_16LE)).problem()).get()
                .satisfies(p -> assertThat(p.message()).contains("NUL"));
    }
}
