package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads bylines: "（张某）", "（张某 李某）", "（本报记者 张某 通讯员 李某）" name reporters; "（某某法院供稿）" names
 * the organisation that supplied the story. The parentheses are full-width here ({@link Punctuation} has
 * evened them out). Anything else in parentheses ("（化名）", "（完）") is not a byline.
 */
final class CreditReader {
    private static final Pattern OWN_LINE = Pattern.compile("（([^（）]{1,40})）");
    /** A byline closing a paragraph comes after the paragraph's last sentence. */
    private static final Pattern TRAILING = Pattern.compile("(.*[。！？…”])[\\s\u3000]*（([^（）]{1,40})）");
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·•・]{2,12}");
    private static final Set<String> ROLES = Set.of("本报记者", "记者", "通讯员", "本报通讯员", "实习生", "见习记者",
            "特约记者", "实习记者");
    private static final Set<String> NOT_NAMES = Set.of("化名", "完", "待续", "未完待续", "资料图", "图片", "摄影",
            "下同", "同上");
    private static final String SUPPLIED = "供稿";

    private CreditReader() {
    }

    /** A paragraph with the byline taken off its end. */
    record Trailing(String paragraph, Credit credit) {
    }

    /** The credit of a line that is nothing but a byline. */
    static Optional<Credit> ownLine(String line) {
        Matcher m = OWN_LINE.matcher(line);
        return m.matches() ? parse(m.group(1)) : Optional.empty();
    }

    /** The paragraph and its credit when {@code paragraph} ends with a byline after its last sentence. */
    static Optional<Trailing> trailing(String paragraph) {
        Matcher m = TRAILING.matcher(paragraph);
        if (!m.matches()) {
            return Optional.empty();
        }
        return parse(m.group(2)).map(credit -> new Trailing(m.group(1).strip(), credit));
    }

    /** What the text between a byline's parentheses names, if it names reporters or a supplier. */
    static Optional<Credit> parse(String inside) {
        String text = inside.strip();
        if (text.endsWith(SUPPLIED)) {
            String source = text.substring(0, text.length() - SUPPLIED.length()).strip();
            return source.isEmpty() ? Optional.empty() : Optional.of(new Credit(List.of(), source));
        }
        List<String> names = new ArrayList<>();
        boolean role = false;
        for (String token : text.split("[\\s\u3000、，,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (ROLES.contains(token)) {
                role = true;
                continue;
            }
            int han = (int) token.codePoints().filter(TextShape::isHan).count();
            boolean dotted = han != TextShape.length(token);
            if (!NAME.matcher(token).matches() || NOT_NAMES.contains(token) || !dotted && han > 4) {
                return Optional.empty();
            }
            names.add(token);
        }
        // "（记者）" alone names nobody; a role word with names is fine, names alone are the common case.
        return names.isEmpty() || !role && names.size() > 4 ? Optional.empty()
                : Optional.of(new Credit(names, ""));
    }
}
