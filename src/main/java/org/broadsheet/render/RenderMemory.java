package org.broadsheet.render;

/**
 * What earlier builds rendered: for each output file, the fingerprint of the view and templates it was
 * rendered from. A page whose fingerprint is unchanged, and whose published file is still there, is not
 * rendered again. Thread-safe.
 */
public interface RenderMemory {
    /** Whether the published file at {@code path} was rendered from {@code fingerprint} and is still in place. */
    boolean isCurrent(String path, String fingerprint);

    /** Records that {@code path} now holds {@code size} bytes rendered from {@code fingerprint}. */
    void remember(String path, String fingerprint, long size);

    /** No memory: every page is rendered. */
    static RenderMemory none() {
        return new RenderMemory() {
            @Override
            public boolean isCurrent(String path, String fingerprint) {
                return false;
            }

            @Override
            public void remember(String path, String fingerprint, long size) {
                // nothing to remember with
            }
        };
    }
}
