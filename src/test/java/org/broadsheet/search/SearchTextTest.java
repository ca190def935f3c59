package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How text is cut into units: Han one by one, ASCII words and numbers whole, full-width forms folded. */
class SearchTextTest {
    private static List<String> units(String text) {
        return SearchText.units(SearchText.normalize(text)).stream().map(SearchText.Unit::text).toList();
    }

    private static List<Integer> gaps(String text) {
        return SearchText.units(SearchText.normalize(text)).stream().map(SearchText.Unit::gap).toList();
    }

    @Test
    void hanIsCutCharByCharAndAsciiWordsAndNumbersStayWhole() {
        assertThat(units("鄂尔多斯市PDF文件2025年增长8.82%")).containsExactly("鄂", "尔", "多", "斯", "市", "pdf", "文", "件",
                "2025", "年", "增", "长", "8.82");
    }

    @Test
    void fullWidthFormsAndCaseFoldToAscii() {
        assertThat(units("２０２５年ＰＤＦ版")).containsExactly("2025", "年", "pdf", "版");
        assertThat(SearchText.normalize("Ｈｅｌｌｏ WORLD")).isEqualTo("hello world");
    }

    /** What {@link SearchText#normalize} must equal: NFKC of the whole text, then A–Z lower-cased. */
    private static String reference(String text) {
        StringBuilder out = new StringBuilder(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) >= 'A' && out.charAt(i) <= 'Z') {
                out.setCharAt(i, (char) (out.charAt(i) + 32));
            }
        }
        return out.toString();
    }

    @Test
    void normalisingPieceByPieceEqualsNormalisingTheWholeText() {
        // Chars that NFKC changes or combines: combining marks after ASCII, Hangul jamo, compatibility ideographs,
        // full-width and half-width forms, ligatures, circled numbers, the ideographic space, lone surrogates.
        String[] pieces = {"e", "E", "\u0301", "\u0327", "\u0308", "a\u030a", "\u1100", "\u1161", "\u11a8", "\uac00",
            "\uf900", "\ufa0e", "\u2f00", "\uff0c", "\uff21", "\uff45", "\uff5e", "\uff5f", "\uff61", "\uff76", "\uff9e",
            "\ufb01", "\u2460", "\u3000", "\u3001", "\u3002", "\u300a", "\u2026", "\u00b7", "\u00a0", "\u212b", "\u1e9b",
            "\u0323", "\ud840\udc00", "\ud87e\udc00", "\ud800", "\udc00", "中", "国", "㐀", "鿿", "8", ".", " ", "Z", "\u0130"};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(SearchText.normalize(text.toString())).as("%s", text.codePoints()
                    .mapToObj(Integer::toHexString).toList()).isEqualTo(reference(text.toString()));
        }
    }

    @Test
    void stableCharsAreThoseNfkcLeavesAloneWhatever() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (SearchText.isStable(c)) {
                assertThat(java.text.Normalizer.isNormalized(String.valueOf(c), java.text.Normalizer.Form.NFKC))
                        .as("U+%04X", (int) c).isTrue();
                // Nothing before it combines with it: the text may be cut before it.
                assertThat(reference("a\u0301" + c + "\u0301")).as("U+%04X", (int) c)
                        .isEqualTo(reference("a\u0301") + reference(c + "\u0301"));
                if (c >= 0x80) {
                    // Nor does it combine with what follows: the text may be cut after it too.
                    assertThat(reference(c + "\u0301")).as("U+%04X", (int) c).isEqualTo(c + "\u0301");
                }
            }
        }
    }

    @Test
    void theIdeographsScannedWithoutAskingAreUnitCharsToJava() {
        for (char c = '\u4e00'; c <= SearchText.LAST_COMMON_IDEOGRAPH; c++) {
            assertThat(SearchText.isUnitChar(c)).as("U+%04X", (int) c).isTrue();
        }
    }

    @Test
    void aDotEndsANumberUnlessADigitFollows() {
        assertThat(units("共8.82亿元。v1.2版本，见3.")).containsExactly("共", "8.82", "亿", "元", "v1.2", "版", "本", "见", "3");
    }

    @Test
    void surrogatePairsAreOneUnit() {
        assertThat(units("𠀀𪚥龘")).containsExactly("𠀀", "𪚥", "龘");
    }

    @Test
    void punctuationBreaksAndWhiteSpaceOnlySpaces() {
        assertThat(gaps("鄂尔，多斯 市")).containsExactly(SearchText.BROKEN, SearchText.JOINED, SearchText.BROKEN,
                SearchText.JOINED, SearchText.SPACED);
        assertThat(units("“社区矫正”、（张某）")).containsExactly("社", "区", "矫", "正", "张", "某");
        // An ideographic space is white space after NFKC.
        assertThat(gaps("法\u3000院")).containsExactly(SearchText.BROKEN, SearchText.SPACED);
    }

    @Test
    void pairsSpellWhatLiesBetween() {
        List<SearchText.Unit> u = SearchText.units("鄂尔 多");
        assertThat(SearchText.pair(u.get(0), u.get(1))).isEqualTo("鄂尔");
        assertThat(SearchText.pair(u.get(1), u.get(2))).isEqualTo("尔 多");
    }

    @Test
    void htmlTextDropsTagsAndFootnoteMarksAndBreaksAtBlocks() {
        String text = HtmlText.of("<p>鄂尔<strong>多斯</strong>&amp;法院<sup><a href=\"#fn1\">1</a></sup></p><p>多次</p>");
        assertThat(text).isEqualTo(HtmlText.BREAK + "鄂尔多斯&法院" + HtmlText.BREAK + HtmlText.BREAK + "多次"
                + HtmlText.BREAK);
        assertThat(gaps(text).get(gaps(text).size() - 2)).isEqualTo(SearchText.BROKEN);
    }

    @Test
    void queriesAreTermsAndQuotedPhrases() {
        Query query = Query.parse("鄂尔多斯  \"supreme court\" 张某，李某");
        assertThat(query.runs()).hasSize(4);
        assertThat(query.runs().get(1)).extracting(SearchText.Unit::text).containsExactly("supreme", "court");
        assertThat(query.runs().get(1).get(1).gap()).isEqualTo(SearchText.SPACED);
        assertThat(query.runs().get(3)).extracting(SearchText.Unit::text).containsExactly("李", "某");
        assertThat(Query.parse("  ，。 ").isEmpty()).isTrue();
    }
}
