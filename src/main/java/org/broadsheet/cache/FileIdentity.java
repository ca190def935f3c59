package org.broadsheet.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Which file is at a path, as far as the file system tells without reading it: its inode (where the platform
 * has one), size and modification time. Every store is replaced by writing a new file and renaming it into
 * place, so a store written again by anyone, even within the same clock tick and at the same size, is
 * another inode: what a session remembers of a store it wrote is only trusted while the identity is the same.
 */
record FileIdentity(Object fileKey, long size, long modifiedNanos) {
    /** The identity of the regular file at {@code file}; empty when there is none or it cannot be read. */
    static Optional<FileIdentity> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new FileIdentity(attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code file} is still this very file. */
    boolean stillAt(Path file) {
        return fileKey != null && of(file).filter(this::equals).isPresent();
    }
}
