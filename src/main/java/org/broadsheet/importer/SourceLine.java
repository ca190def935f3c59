package org.broadsheet.importer;

/**
 * One non-blank line of a page text, as the importer reads it: stripped (the full-width space U+3000, which
 * exports use to indent paragraphs, included) and with its punctuation evened out ({@link Punctuation}).
 *
 * @param number     the 1-based line number in the file, for the review list
 * @param afterBlank whether one or more blank lines stand before it: a paragraph's lines follow each other,
 *                   paragraphs are separated by blank lines
 */
public record SourceLine(int number, String text, boolean afterBlank) {
    public SourceLine {
        if (text.isBlank()) {
            throw new IllegalArgumentException("line " + number + " is blank");
        }
    }
}
