package org.broadsheet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a writer (or an old system's export) puts in a link, no script scheme survives the policy. */
class UrlPolicyProperties {

    @Property(tries = 3000)
    void scriptSchemesAreAlwaysBlocked(@ForAll("disguisedSchemes") String url) {
        assertThat(UrlPolicy.filter(url)).as(url).isEqualTo(UrlPolicy.BLOCKED);
    }

    @Property(tries = 2000)
    void whateverPassesLooksLikeWebMailOrRelative(@ForAll String url) {
        String filtered = UrlPolicy.filter(url);
        if (!filtered.equals(UrlPolicy.BLOCKED)) {
            String compact = filtered.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
            assertThat(compact).doesNotStartWith("javascript:").doesNotStartWith("vbscript:")
                    .doesNotStartWith("data:");
        }
    }

    /** javascript/vbscript/data with random case, and tabs, newlines or control characters slipped in. */
    @Provide
    Arbitrary<String> disguisedSchemes() {
        Arbitrary<String> scheme = Arbitraries.of("javascript", "vbscript", "data", "file");
        Arbitrary<Long> caseMask = Arbitraries.longs();
        Arbitrary<String> noise = Arbitraries.of("", "\t", "\n", "\r", "\u0001", " ");
        return Combinators.combine(scheme, caseMask, noise, noise, Arbitraries.strings().ofMaxLength(10))
                .as((name, mask, before, inside, rest) -> {
                    StringBuilder out = new StringBuilder(before);
                    for (int i = 0; i < name.length(); i++) {
                        char c = name.charAt(i);
                        out.append(((mask >> i) & 1) == 1 ? Character.toUpperCase(c) : c);
                        if (i == 3) {
                            out.append(inside);
                        }
                    }
                    return out.append(':').append(rest).toString();
                });
    }
}
