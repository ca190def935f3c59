package org.broadsheet.render.view;

import java.util.List;

/** Every bureau with its story count and datelines. */
public record BureauIndexView(Chrome chrome, List<BureauSummary> bureaus) {
    public BureauIndexView {
        bureaus = List.copyOf(bureaus);
    }

    public record BureauSummary(String href, String name, int count, List<String> datelines) {
        public BureauSummary {
            datelines = List.copyOf(datelines);
        }
    }
}
