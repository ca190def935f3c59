package org.broadsheet.standards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Nu Html Checker's warnings the sample site may give, each with the reason it is kept, read from
 * {@code src/test/resources/standards/nu-allowlist.txt}. An entry is two lines, {@code warning: REGEX} (matched
 * against the whole message) and {@code reason: TEXT}; blank lines and lines starting with {@code #} are
 * comments. Errors can never be allowed.
 */
record NuAllowlist(List<Entry> entries) {
    static final String RESOURCE = "/standards/nu-allowlist.txt";

    record Entry(Pattern warning, String reason) {
        boolean allows(NuFinding finding) {
            return finding.severity() == NuFinding.Severity.WARNING && warning.matcher(finding.message()).matches();
        }
    }

    NuAllowlist {
        entries = List.copyOf(entries);
    }

    Optional<Entry> entryFor(NuFinding finding) {
        return entries.stream().filter(entry -> entry.allows(finding)).findFirst();
    }

    static NuAllowlist load() {
        try (InputStream in = NuAllowlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NuAllowlist parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String pending = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("warning:") && pending == null) {
                pending = trimmed.substring("warning:".length()).strip();
            } else if (trimmed.startsWith("reason:") && pending != null) {
                String reason = trimmed.substring("reason:".length()).strip();
                if (reason.isEmpty()) {
                    throw new IllegalArgumentException(RESOURCE + ":" + number + ": every allowed warning needs a reason");
                }
                entries.add(new Entry(Pattern.compile(pending), reason));
                pending = null;
            } else {
                throw new IllegalArgumentException(RESOURCE + ":" + number
                        + ": expected 'warning: REGEX' followed by 'reason: TEXT', found: " + trimmed);
            }
        }
        if (pending != null) {
            throw new IllegalArgumentException(RESOURCE + ": the last warning has no reason");
        }
        return new NuAllowlist(entries);
    }
}
