package org.broadsheet.render.plan;

import java.io.IOException;
import java.util.Optional;
import org.broadsheet.render.TemplateEngine;

/**
 * One file the site publishes, as a planner declares it: a page rendered from a template and its view, a
 * generated text, or a copy of a site file. Each kind produces itself ({@link #produce}), deciding with the
 * render memory whether the published file is still current.
 */
public sealed interface Output permits PageOutput, TextOutput, CopyOutput {
    /** The output path, relative with '/' separators. */
    String path();

    /** The source file it comes from, named in messages about clashes; empty for generated outputs. */
    String owner();

    /** The issue whose pages it is kept with, when it is one of them. */
    default Optional<IssueGroup> group() {
        return Optional.empty();
    }

    /** Renders, generates or copies the file into the production's sink, or keeps the published one. */
    Outcome produce(Production production) throws IOException, TemplateEngine.RenderFailure;

    /** What became of one output. */
    enum Outcome { WRITTEN, KEPT, FAILED }

    /** How messages name it: its source, or the generated path. */
    default String describe() {
        return owner().isEmpty() ? "the generated " + path() : owner();
    }
}
