package org.broadsheet.render.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A copy of a site file: an image beside a story, a page scan, a theme's static file. */
public record CopyOutput(String path, Path source, String owner) implements Output {

    static CopyOutput of(String path, Path source) {
        return new CopyOutput(path, source, "");
    }

    @Override
    public Outcome produce(Production production) throws IOException {
        // Copied every time (they are few, and the sink skips identical bytes), and remembered, so that the
        // memory knows every published file.
        production.sink().copy(path, source);
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
        production.memory().remember(path, "copy " + attributes.lastModifiedTime().toMillis(), attributes.size());
        return Outcome.WRITTEN;
    }
}
