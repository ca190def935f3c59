package org.broadsheet.render.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.render.Fingerprints;

/**
 * A generated file: a feed, a sitemap, robots.txt, the search index. Keyed by its inputs, it is made only when
 * they changed; without, it is made on every build (and written only when its bytes changed).
 *
 * @param bytes the file, UTF-8 text
 */
public record TextOutput(String path, Supplier<byte[]> bytes, Optional<Supplier<String>> inputs) implements Output {

    static TextOutput of(String path, Supplier<String> text) {
        return new TextOutput(path, utf8(text), Optional.empty());
    }

    static TextOutput keyed(String path, Supplier<String> text, Supplier<String> inputs) {
        return keyedBytes(path, utf8(text), inputs);
    }

    /** As {@link #keyed}, for a file made as bytes: the search index's shards, the largest files a build writes. */
    static TextOutput keyedBytes(String path, Supplier<byte[]> bytes, Supplier<String> inputs) {
        return new TextOutput(path, bytes, Optional.of(inputs));
    }

    private static Supplier<byte[]> utf8(Supplier<String> text) {
        return () -> text.get().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String owner() {
        return "";
    }

    @Override
    public Outcome produce(Production production) throws IOException {
        String fingerprint = inputs.map(key -> Fingerprints.of(key.get())).orElse(null);
        if (fingerprint != null && production.memory().isCurrent(path, fingerprint)) {
            return production.keep(path);
        }
        byte[] made = bytes.get();
        production.sink().write(path, made);
        // Remembered even when made every time, so that the memory knows every published file. An unkeyed file
        // (robots.txt, the news sitemap: both small) is fingerprinted by its text.
        production.memory().remember(path,
                fingerprint == null ? Fingerprints.of(new String(made, StandardCharsets.UTF_8)) : fingerprint,
                made.length);
        return Outcome.WRITTEN;
    }
}
