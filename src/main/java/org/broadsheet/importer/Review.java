package org.broadsheet.importer;

/**
 * A decision the importer made without being sure, for the webmaster to check against the printed page: a
 * paragraph it joined, a line it moved or could not classify, a dateline the gazetteer does not know.
 *
 * @param line the line of the page text the decision is about (1-based)
 */
public record Review(int line, String message) {
}
