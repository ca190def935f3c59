package org.broadsheet.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.broadsheet.problem.Problem;

/**
 * Decodes a page text file: strictly as UTF-8 first, then strictly as GB18030 (a superset of GBK and GB2312,
 * which is what layout systems and OCR tools on Chinese Windows machines export). Both decoders report
 * malformed input instead of replacing it, so no U+FFFD ever reaches an article: a file that is neither is
 * refused. UTF-8 goes first because a GB18030 decoder accepts most UTF-8 byte sequences as (wrong) Chinese,
 * while Chinese GB18030 text is almost never valid UTF-8.
 */
public final class PageDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private PageDecoder() {
    }

    /**
     * The text of a page file, or why it could not be read.
     *
     * @param charset the encoding the file was read in (UTF-8 or GB18030)
     */
    public record Decoded(String text, Charset charset, Optional<Problem> problem) {
        public boolean failed() {
            return problem.isPresent();
        }
    }

    /** Decodes {@code bytes}, the contents of {@code file}; a byte-order mark is dropped, line ends become LF. */
    public static Decoded decode(Path file, byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        Optional<String> text = strictly(StandardCharsets.UTF_8, bytes, start);
        Charset charset = StandardCharsets.UTF_8;
        if (text.isEmpty()) {
            text = strictly(GB18030, bytes, 0);
            charset = GB18030;
        }
        if (text.isEmpty()) {
            return new Decoded("", StandardCharsets.UTF_8, Optional.of(Problem.error(file, 0, 0,
                    "cannot read the page text: it is neither UTF-8 nor GBK/GB18030",
                    "save it as UTF-8, or check that it is a text file at all")));
        }
        String decoded = text.get();
        int nul = decoded.indexOf('\0');
        int replacement = decoded.indexOf('\uFFFD');
        if (nul >= 0 || replacement >= 0) {
            // A NUL means a binary or UTF-16 file; a U+FFFD was put there by an earlier, lossy conversion.
            int at = nul >= 0 ? nul : replacement;
            return new Decoded("", charset, Optional.of(Problem.error(file, lineOf(decoded, at), 0,
                    nul >= 0 ? "cannot read the page text: it contains a NUL character (a binary or UTF-16 file?)"
                            : "the page text contains U+FFFD (\uFFFD), left by an earlier wrong decoding",
                    nul >= 0 ? "save it as UTF-8" : "recover the text from the original export")));
        }
        if (decoded.startsWith("\uFEFF")) {
            decoded = decoded.substring(1); // GB18030's own byte-order mark
        }
        return new Decoded(decoded.replace("\r\n", "\n").replace('\r', '\n'), charset, Optional.empty());
    }

    private static Optional<String> strictly(Charset charset, byte[] bytes, int start) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
