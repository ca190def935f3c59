package org.broadsheet.archive;

import java.util.List;

/**
 * A bureau with the stories it filed, newest first, and the datelines those stories carry.
 */
public record BureauDesk(Bureau bureau, List<Article> articles, List<String> datelinesUsed) {
    public BureauDesk {
        articles = List.copyOf(articles);
        datelinesUsed = List.copyOf(datelinesUsed);
    }
}
