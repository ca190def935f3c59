package org.broadsheet.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.broadsheet.problem.Problem;

/**
 * Decodes a source file strictly as UTF-8: a byte-order mark is dropped and CRLF or CR line ends become LF,
 * so the same text saved by any editor gives the same site. Anything that is not UTF-8 is refused with the
 * line of the first bad byte, never patched over with U+FFFD.
 */
public final class TextDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    /** Either the text or the reason it could not be read. */
    public record Decoded(String text, Optional<Problem> problem) {
    }

    public static Decoded decode(Path file, byte[] bytes) {
        int start = hasBom(bytes) ? 3 : 0;
        // The JDK's own decoding is several times faster than a CharsetDecoder, and it marks every byte that
        // is not UTF-8 with U+FFFD, which a source may not contain anyway: text without one decoded exactly
        // as the strict decoder below would. Anything else goes the strict way, which names the bad byte.
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0 && fast.indexOf('\0') < 0) {
            return new Decoded(normaliseLineEnds(fast), Optional.empty());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int badOffset = in.position();
            int line = lineAt(bytes, badOffset);
            String guess = looksLikeGb18030(bytes)
                    ? "the file looks GBK/GB18030-encoded; convert it with: iconv -f GB18030 -t UTF-8"
                    : "save the file as UTF-8";
            return failure(file, line, "file is not valid UTF-8 (bad byte at offset " + badOffset + ")", guess);
        }
        decoder.flush(out);
        out.flip();
        String text = normaliseLineEnds(out.toString());
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            return failure(file, lineOfChar(text, nul), "file contains a NUL character",
                    "remove it; it is usually a sign of a binary or UTF-16 file");
        }
        int replacement = text.indexOf('\uFFFD');
        if (replacement >= 0) {
            return failure(file, lineOfChar(text, replacement), "file contains U+FFFD (\uFFFD), the mark left by an "
                    + "earlier wrong decoding", "recover the text from the original file; the characters here are lost");
        }
        return new Decoded(text, Optional.empty());
    }

    static String normaliseLineEnds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Decoded failure(Path file, int line, String message, String hint) {
        return new Decoded("", Optional.of(Problem.error(file, line, 0, message, hint)));
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }

    private static boolean looksLikeGb18030(byte[] bytes) {
        try {
            GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            // LF, CRLF and a lone CR (old Mac files) each end one line.
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static int lineOfChar(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
