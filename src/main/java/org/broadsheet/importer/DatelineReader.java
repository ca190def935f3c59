package org.broadsheet.importer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dateline that opens a story's first paragraph: a place followed by 讯 (or 电) and a space, as in
 * "包头讯 近日，……", or followed directly by the reporters' credit, as in "本报讯（记者 张某）近日，……". The
 * space is what tells a dateline from a sentence that happens to start with a word ending in 讯.
 */
final class DatelineReader {
    private static final Pattern OPENING = Pattern.compile(
            "([\\p{IsHan}]{2,12}?[讯电])(?:[\\s\u3000]+|(?=（))(.+)");
    private static final Pattern REPORTERS = Pattern.compile("（([^（）]{1,40})）[\\s\u3000]*(.+)");

    private DatelineReader() {
    }

    /**
     * A first paragraph taken apart.
     *
     * @param dateline as printed (包头讯)
     * @param credit   the reporters named right after the dateline, or {@link Credit#NONE}
     * @param rest     the paragraph without them
     */
    record Opening(String dateline, Credit credit, String rest) {
    }

    static boolean opens(String paragraph) {
        return read(paragraph).isPresent();
    }

    static Optional<Opening> read(String paragraph) {
        Matcher m = OPENING.matcher(paragraph);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(2).strip();
        Matcher reporters = REPORTERS.matcher(rest);
        if (reporters.matches()) {
            Optional<Credit> credit = CreditReader.parse(reporters.group(1));
            if (credit.isPresent()) {
                return Optional.of(new Opening(m.group(1), credit.get(), reporters.group(2).strip()));
            }
        }
        if (rest.startsWith("（")) {
            return Optional.empty(); // "某某讯（" with no credit inside is not a dateline we understand
        }
        return Optional.of(new Opening(m.group(1), Credit.NONE, rest));
    }
}
