package org.broadsheet.markdown;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.config.EngineName;
import org.broadsheet.config.HtmlPolicy;

/** Site engines for tests, built once per engine and policy, as a build does. */
final class TestEngines {
    private static final Map<String, MarkdownEngine> ENGINES = new ConcurrentHashMap<>();

    private TestEngines() {
    }

    static MarkdownEngine get(EngineName engine, HtmlPolicy policy) {
        return ENGINES.computeIfAbsent(engine + "/" + policy, key -> MarkdownEngines.create(engine, policy));
    }

    static String render(EngineName engine, HtmlPolicy policy, String markdown) {
        return get(engine, policy).render(markdown).html();
    }
}
