package org.broadsheet.render;

import freemarker.core.ParseException;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.Template;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.util.Locale;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A FreeMarker configuration whose templates stop when their thread is interrupted. FreeMarker runs a loop
 * over an endless range without ever calling our code, so nothing else could stop it: every template it
 * loads, pages' and included or imported ones alike, gets FreeMarker's own interruption checks at the start
 * of each loop body and macro ({@code _CoreAPI.addThreadInterruptedChecks}, the support FreeMarker's online
 * template tester relies on). An interrupted template then throws from its next check and unwinds.
 *
 * <p>The checks are added once per loaded template, before any thread may run it: a thread asking for a
 * template that another thread is still preparing waits for it.
 */
final class StoppableConfiguration extends Configuration {
    /** Weak keys: a template reloaded after an edit leaves its earlier version to the collector. */
    private final Map<Template, Boolean> prepared = Collections.synchronizedMap(new WeakHashMap<>());

    StoppableConfiguration() {
        super(Configuration.VERSION_2_3_34);
    }

    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
            boolean parseAsFTL, boolean ignoreMissing) throws TemplateNotFoundException,
            MalformedTemplateNameException, ParseException, IOException {
        Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL,
                ignoreMissing);
        if (template != null) {
            prepared.computeIfAbsent(template, loaded -> {
                _CoreAPI.addThreadInterruptedChecks(loaded);
                return Boolean.TRUE;
            });
        }
        return template;
    }
}
