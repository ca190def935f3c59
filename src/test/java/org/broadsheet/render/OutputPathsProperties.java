package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any string, however hostile, either resolves inside the output folder or is refused. */
class OutputPathsProperties {
    private static final Path ROOT = Path.of("/srv/site/public").toAbsolutePath().normalize();

    @Property(tries = 2000)
    void anyPathResolvesInsideTheOutputOrIsRefused(@ForAll("hostilePaths") String path) {
        if (OutputPaths.problem(path).isPresent()) {
            assertThatThrownBy(() -> OutputPaths.resolve(ROOT, path)).isInstanceOf(IllegalArgumentException.class);
        } else {
            Path resolved = OutputPaths.resolve(ROOT, path);
            assertThat(resolved.startsWith(ROOT)).as(path).isTrue();
            assertThat(resolved).isNotEqualTo(ROOT);
        }
    }

    @Provide
    Arbitrary<String> hostilePaths() {
        Arbitrary<String> pieces = Arbitraries.of("..", ".", "", "/", "\\", "a", "普法", "𬘭", "%2e%2e", "%2F", "C:",
                "con", "index.html", "~", " ", "\u0000", "a.b", "..\\..", "//", "NUL.txt");
        Arbitrary<String> joined = pieces.list().ofMaxSize(8).map(parts -> String.join("/", parts));
        return Arbitraries.oneOf(joined, Arbitraries.strings().ofMaxLength(40), pieces.list().ofMaxSize(6)
                .map(parts -> String.join("", parts)));
    }
}
