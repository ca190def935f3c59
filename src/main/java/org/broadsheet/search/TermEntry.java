package org.broadsheet.search;

/**
 * A term and its postings, whose {@link NumberCode} text is {@code length} bytes (ASCII) of {@code code} from
 * {@code offset}: kept as the bytes they were written in, so that a segment's postings are copied only into the
 * shard that publishes them.
 */
record TermEntry(String term, byte[] code, int offset, int length) {
}
