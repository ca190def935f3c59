package org.broadsheet.importer;

import java.util.List;

/**
 * One story of a page, repaired: its headline lines, its dateline and bureau, its credit, and the paragraphs of
 * its body, which hold neither the dateline nor the byline (the theme prints those from front matter).
 *
 * @param kicker    引题, or empty
 * @param subtitle  副题, or empty
 * @param dateline  as printed (包头讯), or empty
 * @param bureau    the bureau's full name when the gazetteer knows the dateline, or empty
 * @param firstLine the line of the page text the story starts on
 */
public record Story(String kicker, String title, String subtitle, String dateline, String bureau,
        List<String> paragraphs, Credit credit, int firstLine) {
    public Story {
        paragraphs = List.copyOf(paragraphs);
    }
}
