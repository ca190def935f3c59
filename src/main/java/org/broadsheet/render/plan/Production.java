package org.broadsheet.render.plan;

import java.util.concurrent.atomic.AtomicInteger;
import org.broadsheet.render.OutputSink;
import org.broadsheet.render.RenderMemory;
import org.broadsheet.render.TemplateEngine;

/** What an output needs to produce itself: the sink, the render memory and the templates. */
record Production(OutputSink sink, RenderMemory memory, TemplateEngine templates, AtomicInteger kept) {
    /** Claims the published file at {@code path} as it is, which the render memory showed to be current. */
    Output.Outcome keep(String path) {
        sink.keep(path);
        kept.incrementAndGet();
        return Output.Outcome.KEPT;
    }
}
