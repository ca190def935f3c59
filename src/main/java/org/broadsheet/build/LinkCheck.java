package org.broadsheet.build;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.broadsheet.content.ArticleSource;
import org.broadsheet.content.ContentListing;
import org.broadsheet.content.ContentLayout;
import org.broadsheet.content.StandaloneSource;
import org.broadsheet.markdown.LocalTarget;
import org.broadsheet.problem.Problem;
import org.broadsheet.problem.Problems;
import org.broadsheet.render.Routes;

/**
 * Checks that the relative links and images of published bodies lead to something the site has. A missing
 * image is an error (the story would print a broken picture); a link to nothing is a warning (the reader
 * would meet a 404), which {@code --strict} makes fatal.
 *
 * <p>A path is resolved from the folder the body is published in, which is named as its folder in
 * {@code content/} is (see {@link Routes}), so {@code photo.jpg}, {@code ../02/01.md} and
 * {@code ../02/01.html} mean the same folder in both. A target exists when it is a file of {@code content/}
 * (a photo, a PDF, another story's source) or a file the build publishes (a story's page, a printed page's
 * folder, a theme's static file). The files of {@code content/} are known before anything is rendered, the
 * published files only once everything is: so {@link #checkArticle} settles what it can at once, among it
 * every image inside the dated archive (whose folders hold nothing but rendered pages and the files of
 * {@code content/}), and a story with a missing image is left out, as {@code --keep-going} promises;
 * {@link #checkPublished} settles the rest against the rendered output. A build that stops before rendering
 * (on an error elsewhere) therefore reports only what {@link #checkArticle} settled, as it reports no other
 * problem of the rendering stage either; the rest follow once that error is fixed.
 *
 * <p>A story's targets come from its render, or from the build cache with its body, so a story that is not
 * read again is still checked against today's files.
 *
 * <p>Thread-safe: articles are checked from many threads at once.
 */
final class LinkCheck {
    private final ContentListing listing;
    private final Routes routes;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

    /** A target that only the published output can settle. */
    private record Pending(Path file, LocalTarget target, String route) {
    }

    LinkCheck(ContentListing listing, Routes routes) {
        this.listing = listing;
        this.routes = routes;
    }

    /**
     * Checks a story's targets, whose lines are lines of its file. Returns false when an image is certainly
     * missing: the story must then not be published.
     */
    boolean checkArticle(ArticleSource source, List<LocalTarget> targets, Problems problems) {
        return check(source.file(), routes.page(source.date(), source.page()), targets, problems);
    }

    /** As {@link #checkArticle}, for a standalone page, published in {@code pages/}. */
    boolean checkStandalone(StandaloneSource source, List<LocalTarget> targets, Problems problems) {
        return check(source.file(), routes.standalone(source.slug()), targets, problems);
    }

    private boolean check(Path file, String pageRoute, List<LocalTarget> targets, Problems problems) {
        boolean publishable = true;
        String dir = pageRoute.substring(0, pageRoute.lastIndexOf('/') + 1);
        for (LocalTarget target : targets) {
            Optional<String> route = resolve(dir, target.path());
            if (route.isEmpty()) {
                problems.add(problem(file, target, target.kind().word() + " '" + target.path()
                        + "' leads outside the site", "a path is relative to the folder of the file it is in, "
                        + "and cannot climb above the site"));
                publishable &= target.kind() != LocalTarget.Kind.IMAGE;
            } else if (isContentFile(route.get())) {
                continue;
            } else if (target.kind() == LocalTarget.Kind.IMAGE && inDatedArchive(route.get())) {
                problems.add(problem(file, target, "image '" + target.path() + "' not found: there is no file "
                        + contentPath(route.get()), "put the image beside the article, or correct its name"));
                publishable = false;
            } else {
                pending.add(new Pending(file, target, route.get()));
            }
        }
        return publishable;
    }

    /**
     * Settles the targets {@link #checkArticle} left open, once the whole site is rendered: {@code published}
     * tells whether the build publishes a file at an output path.
     */
    void checkPublished(Predicate<String> published, Problems problems) {
        for (Pending item : pending) {
            String route = item.route();
            boolean found = route.isEmpty() || route.endsWith("/") ? published.test(Routes.file(route))
                    : published.test(route) || published.test(route + "/index.html");
            if (found) {
                continue;
            }
            LocalTarget target = item.target();
            String where = route.isEmpty() || route.endsWith("/") ? "the site publishes no page "
                    + (route.isEmpty() ? "at its root" : route)
                    : "there is no file " + contentPath(route) + ", and the site publishes nothing at " + route;
            problems.add(target.kind() == LocalTarget.Kind.IMAGE
                    ? problem(item.file(), target, "image '" + target.path() + "' not found: " + where,
                            "put the image beside the article, or correct the path")
                    : problem(item.file(), target, "link '" + target.path() + "' leads nowhere: " + where,
                            "correct the path, or link with a full https:// address"));
        }
        pending.clear();
    }

    private static Problem problem(Path file, LocalTarget target, String message, String hint) {
        return target.kind() == LocalTarget.Kind.IMAGE
                ? Problem.error(file, target.line(), 0, message, hint)
                : Problem.warning(file, target.line(), 0, message, hint);
    }

    /**
     * {@code path} resolved from the folder {@code dir} ({@code 2025/12/12/01/}) into a route: a folder's
     * route ends with a slash, and "" is the site's root. Empty when {@code ..} climbs above the root.
     */
    static Optional<String> resolve(String dir, String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : dir.split("/")) {
            if (!segment.isEmpty()) {
                segments.addLast(segment);
            }
        }
        boolean folder = false;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                folder = true;
            } else if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
                folder = true;
            } else {
                segments.addLast(segment);
                folder = false;
            }
        }
        String joined = String.join("/", segments);
        return Optional.of(folder && !joined.isEmpty() ? joined + "/" : joined);
    }

    /** Whether a file of content/ lies at {@code route}; names starting with a dot are not content. */
    private boolean isContentFile(String route) {
        return !route.isEmpty() && !route.endsWith("/") && !route.substring(route.lastIndexOf('/') + 1)
                .startsWith(".") && listing.contains(contentPath(route));
    }

    /** Whether {@code route} lies in a year's folder (2025/…), where the archive's pages are published. */
    private static boolean inDatedArchive(String route) {
        int slash = route.indexOf('/');
        if (slash != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (route.charAt(i) < '0' || route.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String contentPath(String route) {
        return ContentLayout.CONTENT_DIR + "/" + route;
    }
}
