package org.broadsheet.build;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.render.OutputClash;
import org.broadsheet.render.OutputSink;

/**
 * Keeps a preview's pages in memory: a preview never writes into the output folder, which only a whole build
 * publishes into. Files copied beside pages (photos, scans) are not taken: a preview is made only for edits of
 * Markdown, so the published copies are current.
 */
final class PreviewSink implements OutputSink {
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    @Override
    public void write(String path, byte[] bytes) {
        if (pages.putIfAbsent(path, bytes) != null) {
            throw new OutputClash(path, path);
        }
    }

    @Override
    public void copy(String path, Path source) {
        // published already, and unchanged: see the class comment
    }

    @Override
    public void keep(String path) {
        // nothing is kept: a preview renders every page of its issues
    }

    Map<String, byte[]> pages() {
        return pages;
    }
}
