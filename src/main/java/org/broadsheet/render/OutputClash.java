package org.broadsheet.render;

/**
 * Thrown by an {@link OutputSink} when two outputs map to the same file, or to names that a case-insensitive
 * or Unicode-normalising file system would merge; carries both paths.
 */
public final class OutputClash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputClash(String first, String second) {
        super(first.equals(second) ? "two outputs are both written to " + first
                : "outputs " + first + " and " + second + " differ only in case or Unicode form");
    }
}
