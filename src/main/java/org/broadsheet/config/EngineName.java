package org.broadsheet.config;

import java.util.Locale;
import java.util.Optional;

/** The Markdown engines a site can choose in site.yml or with {@code --engine}. */
public enum EngineName {
    FLEXMARK,
    COMMONMARK;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EngineName> byId(String id) {
        for (EngineName engine : values()) {
            if (engine.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(engine);
            }
        }
        return Optional.empty();
    }
}
