package org.broadsheet.search;

/**
 * A term and its postings, whose {@link NumberCode} text is the first {@code length} bytes of {@code code} (ASCII):
 * kept as the bytes they were written in, so that a segment's postings are copied only into the shard that
 * publishes them.
 */
record TermEntry(String term, byte[] code, int length) {
    /** Appends the postings as chars. */
    void appendCode(StringBuilder out) {
        for (int i = 0; i < length; i++) {
            out.append((char) code[i]);
        }
    }
}
