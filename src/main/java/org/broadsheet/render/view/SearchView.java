package org.broadsheet.render.view;

import java.util.List;

/**
 * The search page. The search itself runs in the reader's browser ({@code static/search.js}); without JavaScript
 * the page says so and offers the archives by date and by bureau.
 *
 * @param script   the search script
 * @param index    the index's manifest
 * @param bureaus  the bureaus to filter by: href is the bureau's slug, text its name
 * @param years    the year pages, for readers without JavaScript
 * @param bureauIndex the bureaus' page
 */
public record SearchView(Chrome chrome, String script, String index, List<Link> bureaus, List<Link> years,
        Link bureauIndex) {
    public SearchView {
        bureaus = List.copyOf(bureaus);
        years = List.copyOf(years);
    }
}
