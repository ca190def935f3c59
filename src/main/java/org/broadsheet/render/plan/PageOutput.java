package org.broadsheet.render.plan;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.broadsheet.render.Fingerprints;
import org.broadsheet.render.Routes;
import org.broadsheet.render.TemplateEngine;

/**
 * A page rendered from a template and its view. Its key is the view itself (a record, whose text shows every
 * field the template can read), unless the planner gives a cheaper one: the pages of the archive's bulk
 * (stories, printed pages, issues, bureau lists) are keyed by a list of their inputs, which reads no body from
 * disk; {@code ViewKeyCoverageTest} checks that such a list changes whenever the view does.
 *
 * @param inputs the key's text when it is not the view's; empty to key by the view
 */
public record PageOutput(String path, String template, Supplier<Object> view, Optional<Supplier<String>> inputs,
        String owner, Optional<IssueGroup> group) implements Output {

    /** A page keyed by its view. */
    static PageOutput of(String route, String template, Supplier<Object> view) {
        return new PageOutput(Routes.file(route), template, view, Optional.empty(), "", Optional.empty());
    }

    /** A page keyed by the list of its inputs. */
    static PageOutput keyed(String route, String template, Supplier<Object> view, Supplier<String> inputs) {
        return new PageOutput(Routes.file(route), template, view, Optional.of(inputs), "", Optional.empty());
    }

    /** The same page, naming the source file it comes from. */
    PageOutput from(String source) {
        return new PageOutput(path, template, view, inputs, source, group);
    }

    /** The same page as one of {@code issue}'s pages. */
    PageOutput in(IssueGroup issue) {
        return new PageOutput(path, template, view, inputs, owner, Optional.of(issue));
    }

    @Override
    public Outcome produce(Production production) throws IOException, TemplateEngine.RenderFailure {
        // Keyed by its view, the view is built once, for the key and then for the template.
        Object built = inputs.isEmpty() ? view.get() : null;
        String fingerprint = Fingerprints.of(production.templates().fingerprint(template),
                built == null ? inputs.get().get() : built.toString());
        if (production.memory().isCurrent(path, fingerprint)) {
            return production.keep(path);
        }
        byte[] html = production.templates().renderUtf8(template, built == null ? view.get() : built, path);
        production.sink().write(path, html);
        production.memory().remember(path, fingerprint, html.length);
        return Outcome.WRITTEN;
    }
}
