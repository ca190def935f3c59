package org.broadsheet.render;

import java.util.List;

/**
 * What earlier builds rendered: for each output file, the fingerprint of the view and templates it was
 * rendered from. A page whose fingerprint is unchanged, and whose published file is still there, is not
 * rendered again.
 *
 * <p>It also remembers groups of files by one key: the pages of one issue (its issue page, printed pages and
 * stories) are kept all at once when the key of everything they read is unchanged, which spares a rebuild one
 * fingerprint per story. Thread-safe.
 */
public interface RenderMemory {
    /** Whether the published file at {@code path} was rendered from {@code fingerprint} and is still in place. */
    boolean isCurrent(String path, String fingerprint);

    /** Records that {@code path} now holds {@code size} bytes rendered from {@code fingerprint}. */
    void remember(String path, String fingerprint, long size);

    /**
     * Whether the last build published every one of {@code paths} as the group {@code group} with the same
     * {@code key}, and they are all still in place; if so, they are remembered as they are.
     */
    boolean keepGroup(String group, String key, List<String> paths);

    /** Records that every file of {@code group} is now current, for {@code key}. */
    void rememberGroup(String group, String key);

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

            @Override
            public boolean keepGroup(String group, String key, List<String> paths) {
                return false;
            }

            @Override
            public void rememberGroup(String group, String key) {
                // nothing to remember with
            }
        };
    }
}
