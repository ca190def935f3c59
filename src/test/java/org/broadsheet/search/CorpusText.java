package org.broadsheet.search;

import java.util.Random;

/**
 * Invented text from a small alphabet of common characters, so that pairs and near-misses abound: the exactness
 * tests need queries whose pairs all occur in a story while the phrase does not.
 */
final class CorpusText {
    static final String CHARS = "鄂尔多斯温克次法院检察人民社区矫正交叉执行张某李王市旗县案件审理判决公益诉讼";
    private static final String[] EXTRAS = {"，", "。", " ", "PDF", "2025", "8.82", "年", "“", "”"};

    private CorpusText() {
    }

    static String paragraph(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            if (random.nextInt(12) == 0) {
                text.append(EXTRAS[random.nextInt(EXTRAS.length)]);
            } else {
                text.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
        }
        return text.toString();
    }
}
