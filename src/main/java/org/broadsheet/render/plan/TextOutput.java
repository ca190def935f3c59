package org.broadsheet.render.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.render.Fingerprints;

/**
 * A generated text: a feed, a sitemap, robots.txt. Keyed by its inputs, it is made only when they changed;
 * without, it is made on every build (and written only when its bytes changed).
 */
public record TextOutput(String path, Supplier<String> text, Optional<Supplier<String>> inputs) implements Output {

    static TextOutput of(String path, Supplier<String> text) {
        return new TextOutput(path, text, Optional.empty());
    }

    static TextOutput keyed(String path, Supplier<String> text, Supplier<String> inputs) {
        return new TextOutput(path, text, Optional.of(inputs));
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
        String made = text.get();
        byte[] bytes = made.getBytes(StandardCharsets.UTF_8);
        production.sink().write(path, bytes);
        // Remembered even when made every time, so that the memory knows every published file.
        production.memory().remember(path, fingerprint == null ? Fingerprints.of(made) : fingerprint, bytes.length);
        return Outcome.WRITTEN;
    }
}
