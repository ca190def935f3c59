package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    @Test
    void equalInputsGiveEqualFingerprints() {
        assertThat(Fingerprints.of("森林草原", "page 1")).isEqualTo(Fingerprints.of("森林草原", "page 1"))
                .hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void changingAnyOneCharOfTextsUpToTwelveCharsChangesTheFingerprint() {
        // Covers whole four-char steps and every length of tail.
        Set<String> seen = new HashSet<>();
        for (int length = 0; length <= 12; length++) {
            String base = "法治报新闻稿件正文内容第一".substring(0, length);
            assertThat(seen.add(Fingerprints.of(base))).as("length %d", length).isTrue();
            for (int at = 0; at < length; at++) {
                String changed = base.substring(0, at) + 'x' + base.substring(at + 1);
                assertThat(seen.add(Fingerprints.of(changed))).as("'%s'", changed).isTrue();
            }
        }
    }

    @Test
    void wherePartsSplitMatters() {
        Set<String> seen = new HashSet<>();
        for (String[] parts : new String[][] {{"abcd", "e"}, {"abc", "de"}, {"ab", "cde"}, {"a", "bcde"},
                {"abcde"}, {"abcde", ""}, {"", "abcde"}, {"abcd\u0000", ""}}) {
            assertThat(seen.add(Fingerprints.of(parts))).as(String.join("|", parts)).isTrue();
        }
    }

    @Test
    void theHasherGivesWhatOfGivesForTheSameTexts() {
        assertThat(new Fingerprints.Hasher().add("森林草原").add("page 1").hex())
                .isEqualTo(Fingerprints.of("森林草原", "page 1"));
    }

    @Test
    void numbersListsAndTextsAreToldApart() {
        Set<String> seen = new HashSet<>();
        List<Fingerprints.Hasher> hashers = List.of(
                new Fingerprints.Hasher().add(1),
                new Fingerprints.Hasher().add("1"),
                new Fingerprints.Hasher().add(1).add(1),
                new Fingerprints.Hasher().add(0x1_0000_0001L),
                new Fingerprints.Hasher().addAll(List.of("a", "b")),
                new Fingerprints.Hasher().addAll(List.of("ab")),
                new Fingerprints.Hasher().addAll(List.of("a")).addAll(List.of("b")),
                new Fingerprints.Hasher().addAll(List.of()).add("a").add("b"),
                new Fingerprints.Hasher().add(3).add("a").add("b"),
                new Fingerprints.Hasher());
        hashers.forEach(hasher -> assertThat(seen.add(hasher.hex())).isTrue());
    }

    /**
     * Texts longer than the hasher's buffer, cut at and around its size: the digest the hasher gave when it
     * copied each text whole (pinned), so that no published fingerprint changes with how the chars are read.
     */
    @Test
    void longTextsHashAsWhenReadWhole() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            text.append((char) (0x4e00 + (i * 37) % 2000));
        }
        String long700 = text.toString();
        assertThat(Fingerprints.of(long700, long700.substring(0, 257), long700.substring(0, 256), "x"))
                .isEqualTo("c1af0ae46b644a1d4d181ae39358ef28");
    }
}
