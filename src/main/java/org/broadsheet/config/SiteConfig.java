package org.broadsheet.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * The validated contents of site.yml (with command-line overrides applied). Every key is documented in
 * README.md; defaults are chosen for the first user, a Chinese regional daily.
 */
public record SiteConfig(
        String title,
        URI baseUrl,
        String language,
        ZoneId timeZone,
        String theme,
        Markdown markdown,
        int paginate,
        Feeds feeds,
        Search search,
        List<BureauSetting> bureaus,
        Footer footer) {

    public SiteConfig {
        bureaus = List.copyOf(bureaus);
    }

    /** Markdown engine and raw-HTML policy. */
    public record Markdown(EngineName engine, HtmlPolicy html) {
    }

    /** How many newest items a feed holds. */
    public record Feeds(int limit) {
    }

    /** Whether the search page and index are built. */
    public record Search(boolean enabled) {
    }

    /** A bureau added to, or overriding, the built-in gazetteer. */
    public record BureauSetting(String name, String slug, List<String> datelines) {
        public BureauSetting {
            datelines = List.copyOf(datelines);
        }
    }

    /** The site footer: copyright line and the ICP filing number required for sites hosted in China. */
    public record Footer(String copyright, String icp, String icpLink, String note) {
    }

    public SiteConfig withEngine(EngineName engine) {
        return new SiteConfig(title, baseUrl, language, timeZone, theme, new Markdown(engine, markdown.html()),
                paginate, feeds, search, bureaus, footer);
    }

    public SiteConfig withBaseUrl(URI url) {
        return new SiteConfig(title, url, language, timeZone, theme, markdown, paginate, feeds, search, bureaus,
                footer);
    }
}
