package org.broadsheet.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the head of a page text: the page number ("06", "第6版"), the paper's name, the date ("2025/12/12",
 * "2025年12月12日 星期五"), the section (政法时空) and the editors' line ("责任编辑：钱某 制版编辑：乌某"), in any
 * order. The head ends after the editors' line; a page without one ends its head at the first line that is
 * none of these once a section has been seen.
 */
final class HeaderReader {
    /** Heads are short; a page whose first lines are not a head is not a page text. */
    private static final int MAX_LINES = 8;
    private static final Pattern PAGE = Pattern.compile("(?:第\\s*)?([0-9]{1,3})(?:\\s*版)?");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})\\s*[/年.\\-]\\s*([0-9]{1,2})\\s*[/月.\\-]\\s*"
            + "([0-9]{1,2})\\s*日?(?:[\\s\u3000]*(?:星期|周)[一二三四五六日天])?");
    private static final Pattern ISSUE_NUMBER = Pattern.compile("(?:总)?第?\\s*[0-9]+\\s*期");
    private static final Pattern CREDIT = Pattern.compile("([\\p{IsHan}]{2,6})[\\s\u3000]*：[\\s\u3000]*([^\\s\u3000：]+)");

    private HeaderReader() {
    }

    /**
     * The head of a page, or what it lacks.
     *
     * @param header       present when the page number and the date were found
     * @param storiesFrom  the index of the first line after the head
     * @param missing      what the head lacks ("page number", "date"), empty when {@code header} is present
     */
    record Result(Optional<PageHeader> header, int storiesFrom, List<String> missing, List<Review> reviews) {
    }

    static Result read(List<SourceLine> lines) {
        int number = 0;
        LocalDate date = null;
        String paper = "";
        String section = "";
        List<PageHeader.Editor> editors = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        int i = 0;
        for (; i < Math.min(lines.size(), MAX_LINES); i++) {
            SourceLine line = lines.get(i);
            String text = line.text();
            Matcher page = PAGE.matcher(text);
            Matcher day = DATE.matcher(text);
            if (number == 0 && page.matches()) {
                number = Integer.parseInt(page.group(1));
            } else if (date == null && day.matches()) {
                date = dateOf(day).orElse(null);
                if (date == null) {
                    reviews.add(new Review(line.number(), "'" + text + "' is not a real date"));
                }
            } else if (isEditors(text)) {
                Matcher credit = CREDIT.matcher(text);
                while (credit.find()) {
                    editors.add(new PageHeader.Editor(credit.group(1), credit.group(2)));
                }
                i++;
                break;
            } else if (ISSUE_NUMBER.matcher(text).matches()) {
                reviews.add(new Review(line.number(), "'" + text + "' (the issue's number) left out: it belongs "
                        + "in the issue's _issue.yml as number"));
            } else if (paper.isEmpty() && text.endsWith("报") && TextShape.length(text) <= 12 && !text.contains(" ")) {
                paper = text;
            } else if (section.isEmpty() && TextShape.isHeadlineLike(text) && TextShape.length(text) <= 12
                    && !DatelineReader.opens(text)) {
                section = text;
            } else {
                break;
            }
        }
        if (editors.isEmpty() && i < lines.size()) {
            reviews.add(new Review(lines.get(Math.max(0, i - 1)).number(), "no editors' line (责任编辑：…) in the "
                    + "page's head; the head was taken to end here"));
        }
        List<String> missing = new ArrayList<>();
        if (number < 1) {
            missing.add("page number (e.g. 06)");
        }
        if (date == null) {
            missing.add("date (e.g. 2025/12/12)");
        }
        Optional<PageHeader> header = missing.isEmpty()
                ? Optional.of(new PageHeader(number, date, paper, section, editors)) : Optional.empty();
        return new Result(header, i, List.copyOf(missing), List.copyOf(reviews));
    }

    private static boolean isEditors(String text) {
        return text.contains("编辑") && CREDIT.matcher(text).find();
    }

    private static Optional<LocalDate> dateOf(Matcher day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(day.group(1)), Integer.parseInt(day.group(2)),
                    Integer.parseInt(day.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
