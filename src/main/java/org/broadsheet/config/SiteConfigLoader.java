package org.broadsheet.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.broadsheet.problem.Problem;
import org.broadsheet.text.TextDecoder;
import org.broadsheet.yaml.YamlMap;
import org.broadsheet.yaml.YamlParser;

/** Reads and validates {@code site.yml}. Every problem is reported with the key's line. */
public final class SiteConfigLoader {
    public static final String FILE_NAME = "site.yml";
    static final URI DEFAULT_BASE_URL = URI.create("http://localhost/");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final List<String> KEYS = List.of("title", "baseUrl", "language", "timeZone", "theme",
            "markdown", "paginate", "feeds", "search", "bureaus", "footer");

    private SiteConfigLoader() {
    }

    /**
     * The configuration (empty only when site.yml is missing or not YAML at all) and every problem found in
     * it. A configuration that comes with errors must not be published with.
     */
    public record Loaded(Optional<SiteConfig> config, List<Problem> problems) {
    }

    public static Loaded load(Path siteDir) {
        Path file = Path.of(FILE_NAME);
        String text;
        try {
            TextDecoder.Decoded decoded = TextDecoder.decode(file, Files.readAllBytes(siteDir.resolve(FILE_NAME)));
            if (decoded.problem().isPresent()) {
                return new Loaded(Optional.empty(), List.of(decoded.problem().get()));
            }
            text = decoded.text();
        } catch (NoSuchFileException e) {
            return new Loaded(Optional.empty(), List.of(Problem.error(file, 0, 0,
                    "no site.yml in " + siteDir.toAbsolutePath().normalize(),
                    "run from the site folder or pass --site DIR")));
        } catch (IOException e) {
            return new Loaded(Optional.empty(), List.of(Problem.error(file, 0, 0,
                    "cannot read site.yml: " + e.getMessage(), "check the file's permissions")));
        }
        return parse(file, text);
    }

    /** Parses site.yml text; {@code file} names it in problems. */
    public static Loaded parse(Path file, String text) {
        YamlParser.Result parsed = YamlParser.parseMapping(file, text, 1);
        if (parsed.root().isEmpty()) {
            return new Loaded(Optional.empty(), parsed.problems());
        }
        YamlMap yaml = parsed.root().get();
        yaml.rejectUnknownKeys(KEYS, FILE_NAME);
        List<Problem> extra = new ArrayList<>();

        String title = yaml.string("title", "");
        if (title.isBlank()) {
            yaml.report("title", "site.yml needs a title", "add e.g. 'title: 北疆法治报'");
        }
        URI baseUrl = baseUrl(yaml, extra);
        String language = yaml.string("language", "zh-CN");
        ZoneId zone = timeZone(yaml);
        String theme = yaml.string("theme", "default");
        if (!theme.matches("[A-Za-z0-9_-]+")) {
            yaml.report("theme", "theme must be a folder name under themes/", "e.g. theme: default");
        }
        SiteConfig.Markdown markdown = markdown(yaml, extra);
        int paginate = yaml.integer("paginate", 1, 1000, 50).orElse(50);
        SiteConfig.Feeds feeds = feeds(yaml, extra);
        SiteConfig.Search search = search(yaml, extra);
        List<SiteConfig.BureauSetting> bureaus = bureaus(yaml, extra);
        SiteConfig.Footer footer = footer(yaml, extra);

        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(yaml.problems());
        problems.addAll(extra);
        // Even with errors the readable rest is returned (bad values replaced by defaults), so that the build
        // can go on checking content and report every problem of the site at once; the errors still fail it.
        return new Loaded(Optional.of(new SiteConfig(title, baseUrl, language, zone, theme, markdown, paginate,
                feeds, search, bureaus, footer)), problems);
    }

    /** Validates a base URL given in site.yml or on the command line; returns it ending in '/'. */
    public static Optional<URI> parseBaseUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            return Optional.of(new URI(scheme + "://" + uri.getRawAuthority() + path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URI baseUrl(YamlMap yaml, List<Problem> extra) {
        Optional<String> text = yaml.string("baseUrl");
        if (text.isEmpty()) {
            extra.add(Problem.warning(yaml.file(), 1, 0, "no baseUrl: canonical links and feeds will point to "
                    + DEFAULT_BASE_URL, "add e.g. 'baseUrl: https://example.org/archive/'"));
            return DEFAULT_BASE_URL;
        }
        Optional<URI> uri = parseBaseUrl(text.get());
        if (uri.isEmpty()) {
            yaml.report("baseUrl", "baseUrl must be a full http(s) URL without query",
                    "e.g. baseUrl: https://example.org/archive/");
            return DEFAULT_BASE_URL;
        }
        return uri.get();
    }

    private static ZoneId timeZone(YamlMap yaml) {
        String id = yaml.string("timeZone", "Asia/Shanghai");
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            yaml.report("timeZone", "unknown time zone '" + id + "'", "use a region name such as Asia/Shanghai");
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private static SiteConfig.Markdown markdown(YamlMap yaml, List<Problem> extra) {
        EngineName engine = EngineName.COMMONMARK;
        HtmlPolicy html = HtmlPolicy.STRIP;
        Optional<YamlMap> section = yaml.map("markdown");
        if (section.isPresent()) {
            YamlMap markdown = section.get();
            markdown.rejectUnknownKeys(List.of("engine", "html"), "markdown");
            Optional<String> engineId = markdown.string("engine");
            if (engineId.isPresent()) {
                engine = EngineName.byId(engineId.get()).orElse(null);
                if (engine == null) {
                    markdown.report("engine", "unknown Markdown engine '" + engineId.get() + "'",
                            "use flexmark or commonmark");
                    engine = EngineName.COMMONMARK;
                }
            }
            Optional<String> htmlId = markdown.string("html");
            if (htmlId.isPresent()) {
                try {
                    html = HtmlPolicy.valueOf(htmlId.get().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    markdown.report("html", "unknown html policy '" + htmlId.get() + "'",
                            "use strip, escape or allow");
                }
            }
            extra.addAll(markdown.problems());
        }
        return new SiteConfig.Markdown(engine, html);
    }

    private static SiteConfig.Feeds feeds(YamlMap yaml, List<Problem> extra) {
        int limit = 20;
        Optional<YamlMap> section = yaml.map("feeds");
        if (section.isPresent()) {
            section.get().rejectUnknownKeys(List.of("limit"), "feeds");
            limit = section.get().integer("limit", 1, 1000, limit).orElse(limit);
            extra.addAll(section.get().problems());
        }
        return new SiteConfig.Feeds(limit);
    }

    private static SiteConfig.Search search(YamlMap yaml, List<Problem> extra) {
        boolean enabled = true;
        Optional<YamlMap> section = yaml.map("search");
        if (section.isPresent()) {
            section.get().rejectUnknownKeys(List.of("enabled"), "search");
            enabled = section.get().bool("enabled").orElse(true);
            extra.addAll(section.get().problems());
        }
        return new SiteConfig.Search(enabled);
    }

    private static List<SiteConfig.BureauSetting> bureaus(YamlMap yaml, List<Problem> extra) {
        List<SiteConfig.BureauSetting> result = new ArrayList<>();
        for (YamlMap entry : yaml.mapList("bureaus")) {
            entry.rejectUnknownKeys(List.of("name", "slug", "datelines"), "a bureaus entry");
            String name = entry.string("name", "");
            String slug = entry.string("slug", "");
            if (name.isBlank()) {
                entry.report("name", "a bureau needs a name", "e.g. name: 包头市");
            }
            if (!slug.isEmpty() && !SLUG.matcher(slug).matches()) {
                entry.report("slug", "bureau slug '" + slug + "' must be lower-case ASCII letters, digits, '-'",
                        "e.g. slug: baotou");
            }
            result.add(new SiteConfig.BureauSetting(name, slug, entry.stringList("datelines")));
            extra.addAll(entry.problems());
        }
        return result;
    }

    private static SiteConfig.Footer footer(YamlMap yaml, List<Problem> extra) {
        Optional<YamlMap> section = yaml.map("footer");
        if (section.isEmpty()) {
            return new SiteConfig.Footer("", "", "", "");
        }
        YamlMap footer = section.get();
        footer.rejectUnknownKeys(List.of("copyright", "icp", "icpLink", "note"), "footer");
        SiteConfig.Footer result = new SiteConfig.Footer(footer.string("copyright", ""), footer.string("icp", ""),
                footer.string("icpLink", "https://beian.miit.gov.cn/"), footer.string("note", ""));
        extra.addAll(footer.problems());
        return result;
    }
}
