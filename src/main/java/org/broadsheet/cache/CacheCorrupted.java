package org.broadsheet.cache;

/**
 * The build cache contradicts itself (a body past the end of its file, a checksum that does not match).
 * Not the user's problem and not a bug: the build throws the cache away and starts again without it.
 */
public final class CacheCorrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CacheCorrupted(String message) {
        super(message);
    }
}
