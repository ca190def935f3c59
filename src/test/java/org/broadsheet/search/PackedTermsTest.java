package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedTermsTest {
    /** Chars from every range whose order matters: ASCII, Latin, the ideographs, surrogates, the top of the BMP. */
    private static final char[] CHARS = {'a', 'z', '0', ' ', '\u00e9', '\u4e00', '\u6cd5', '\u9fff', '\ud840', '\udc00',
        '\ufa0e', '\uffef', '\u8000', '\u7fff'};

    private static String randomTerm(Random random) {
        StringBuilder term = new StringBuilder();
        for (int i = 1 + random.nextInt(PackedTerms.MAX_CHARS); i > 0; i--) {
            term.append(CHARS[random.nextInt(CHARS.length)]);
        }
        return term.toString();
    }

    @Test
    void aShortTermPacksAndUnpacksAndItsFileIsTheStringsFile() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String term = randomTerm(random);
            assertThat(PackedTerms.fits(term)).isTrue();
            long key = PackedTerms.pack(term);
            assertThat(PackedTerms.unpack(key)).isEqualTo(term);
            assertThat(PackedTerms.fileOf(key, 128)).isEqualTo(TermDirectory.fileOf(term, 128));
        }
        assertThat(PackedTerms.fits("")).isFalse();
        assertThat(PackedTerms.fits("abcde")).isFalse();
        assertThat(PackedTerms.fits("a\0")).isFalse();
    }

    @Test
    void termsComeInStringOrderWithTheBitsSetForEach() {
        Random random = new Random(5);
        int words = 3;
        PackedTerms packed = new PackedTerms(words);
        Map<String, long[]> expected = new LinkedHashMap<>();
        for (int i = 0; i < 30_000; i++) { // enough to grow the table several times
            String term = randomTerm(random);
            int bit = random.nextInt(words * 64);
            packed.set(PackedTerms.pack(term), bit);
            expected.computeIfAbsent(term, t -> new long[words])[bit >>> 6] |= 1L << bit;
        }
        List<String> terms = new ArrayList<>();
        for (long key : packed.sortedKeys()) {
            String term = PackedTerms.unpack(key);
            terms.add(term);
            int offset = packed.offset(key);
            assertThat(java.util.Arrays.copyOfRange(packed.bits(), offset, offset + words)).as(term)
                    .isEqualTo(expected.get(term));
        }
        assertThat(terms).isEqualTo(expected.keySet().stream().sorted().toList());
    }
}
