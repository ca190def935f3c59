package org.broadsheet.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.broadsheet.problem.Problem;
import org.broadsheet.render.Routes;

/**
 * The links of every published page, read back from the files: what {@link LinkCheck} cannot see, because a
 * template wrote it (a navigation link, a theme asset) or because it names an anchor ({@code #id}), which
 * only the page it leads to can settle. Used by {@code check}; a build does not read its own pages back.
 * A broken target is reported once, with how many pages link to it and one of them.
 */
final class PublishedLinks {
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s(href|src|id)=\"([^\"]*)\"");

    private final Path output;
    private final Set<String> published;
    private final Map<String, Set<String>> idsOf = new ConcurrentHashMap<>();

    private PublishedLinks(Path output, List<String> files) {
        this.output = output;
        this.published = new HashSet<>(files);
    }

    /**
     * @param files           the published files, as paths relative to {@code output}
     * @param alreadyReported link texts the build already reported (with their source line): not repeated
     */
    static List<Problem> check(Path site, Path output, List<String> files, Set<String> alreadyReported) {
        PublishedLinks links = new PublishedLinks(output, files);
        Map<String, List<Found>> brokenFrom = new TreeMap<>();
        for (String page : files) {
            if (!page.endsWith(".html")) {
                continue;
            }
            for (String target : links.linksOf(page)) {
                if (alreadyReported.contains(target)) {
                    continue;
                }
                links.problem(page, target).ifPresent(what ->
                        brokenFrom.computeIfAbsent(what, key -> new ArrayList<>()).add(new Found(page, target)));
            }
        }
        List<Problem> problems = new ArrayList<>();
        brokenFrom.forEach((what, found) -> {
            Found first = found.get(0);
            Optional<Problem> inSource = found.size() == 1 ? inArticleSource(site, first, what) : Optional.empty();
            problems.add(inSource.orElseGet(() -> Problem.warning(Path.of(first.page()), 0, 0, what
                    + (found.size() > 1 ? " (on " + found.size() + " pages, e.g. this one)" : ""),
                    "correct the link in the article or in the theme's template")));
        });
        return problems;
    }

    /** A link as found: the published page it is on and its text. */
    private record Found(String page, String target) {
    }

    /**
     * The problem at its line in the article the page was made from, when the page is a story's
     * ({@code YYYY/MM/DD/NN/name.html} from {@code content/YYYY/MM/DD/NN/name.md}) and the link is written there.
     */
    private static Optional<Problem> inArticleSource(Path site, Found found, String what) {
        if (!found.page().matches("\\d{4}/\\d{2}/\\d{2}/\\d{2}/[^/]+\\.html")) {
            return Optional.empty();
        }
        Path source = Path.of("content", found.page().substring(0, found.page().length() - 5) + ".md");
        try {
            List<String> lines = Files.readAllLines(site.resolve(source), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("(" + found.target())) {
                    return Optional.of(Problem.warning(source, i + 1, 0, what, "correct the link"));
                }
            }
        } catch (IOException e) {
            // not a story's own file (its slug differs): reported at the page
        }
        return Optional.empty();
    }

    /** The relative links and sources of a page, as written (entities decoded). */
    private List<String> linksOf(String page) {
        List<String> targets = new ArrayList<>();
        Matcher matcher = ATTRIBUTE.matcher(read(page));
        while (matcher.find()) {
            if (!matcher.group(1).equals("id")) {
                targets.add(unescape(matcher.group(2)));
            }
        }
        return targets;
    }

    /** What is wrong with {@code target} on {@code page}, if anything. */
    private Optional<String> problem(String page, String target) {
        if (target.isEmpty() || target.startsWith("//") || target.startsWith("/") || target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty(); // another site, a scheme (mailto:, data:), or the host's root: not ours to check
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : decode(target.substring(hash + 1));
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        String file;
        if (path.isEmpty()) {
            file = page;
        } else {
            String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
            Optional<String> route = LinkCheck.resolve(dir, decode(path));
            if (route.isEmpty()) {
                return Optional.of("a link climbs out of the site: " + target);
            }
            file = Routes.file(route.get());
            if (!published.contains(file) && published.contains(file + "/index.html")) {
                file = file + "/index.html";
            }
            if (!published.contains(file)) {
                return Optional.of("a link leads nowhere: the site publishes nothing at " + route.get());
            }
        }
        if (!fragment.isEmpty() && file.endsWith(".html") && !idsOf(file).contains(fragment)) {
            return Optional.of("a link names an anchor #" + fragment + " that " + file + " does not have");
        }
        return Optional.empty();
    }

    private Set<String> idsOf(String file) {
        return idsOf.computeIfAbsent(file, name -> {
            Set<String> ids = new HashSet<>();
            Matcher matcher = ATTRIBUTE.matcher(read(name));
            while (matcher.find()) {
                if (matcher.group(1).equals("id")) {
                    ids.add(unescape(matcher.group(2)));
                }
            }
            return ids;
        });
    }

    private String read(String file) {
        try {
            return Files.readString(output.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** Percent-decodes a URL part; a malformed escape is kept as written (and then matches no file). */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
