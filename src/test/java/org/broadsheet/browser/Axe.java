package org.broadsheet.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility engine of the browsers' developer tools, run inside the page a test has open.
 *
 * <p>The script is read from the test classpath ({@code axe.min.js}, shipped by the pinned Maven artifact
 * {@code com.deque.html.axe-core:selenium}), so nothing is downloaded when tests run. axe runs with its default
 * rules plus the experimental ones, which include {@code label-content-name-mismatch} (a control whose accessible
 * name does not contain its visible text, WCAG 2.5.3).
 */
public final class Axe {
    /** The impacts that fail a test: "minor" and "moderate" findings are reported by axe but let through. */
    public static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final String SCRIPT = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Axe() {
    }

    /** What axe reports about the page, one line per violation and element: {@code rule (impact): target — help}. */
    public static List<String> violations(JavascriptExecutor page) {
        List<String> found = new ArrayList<>();
        for (JsonNode violation : run(page).path("violations")) {
            for (JsonNode node : violation.path("nodes")) {
                found.add(violation.path("id").asText() + " (" + node.path("impact").asText(
                        violation.path("impact").asText()) + "): " + node.path("target") + " — "
                        + violation.path("help").asText());
            }
        }
        return found;
    }

    /** The violations whose impact is serious or critical. */
    public static List<String> seriousViolations(JavascriptExecutor page) {
        return violations(page).stream().filter(Axe::failing).toList();
    }

    private static boolean failing(String violation) {
        return FAILING_IMPACTS.stream().anyMatch(impact -> violation.contains(" (" + impact + "): "));
    }

    private static JsonNode run(JavascriptExecutor page) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object'"))) {
            page.executeScript(SCRIPT);
        }
        // Results cross back as JSON text: Selenium's own conversion of axe's large result object is slow and
        // turns numbers into Long or Double at random.
        Object result = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const rules = {};
                for (const rule of axe.getRules(['experimental'])) { rules[rule.ruleId] = { enabled: true }; }
                axe.run(document, { rules, resultTypes: ['violations'] })
                    .then(r => done(JSON.stringify({ violations: r.violations })))
                    .catch(e => done(JSON.stringify({ error: String(e) })));
                """);
        try {
            JsonNode json = JSON.readTree(String.valueOf(result));
            if (json.has("error")) {
                throw new IllegalStateException("axe failed in the page: " + json.get("error").asText());
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath: it comes from "
                        + "com.deque.html.axe-core:selenium in pom.xml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
