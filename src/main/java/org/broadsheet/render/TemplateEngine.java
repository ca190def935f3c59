package org.broadsheet.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.broadsheet.problem.Problem;

/**
 * FreeMarker, configured once per build and hardened: HTML auto-escaping on every template whatever its
 * extension, no {@code ?new} or {@code ?api}, no access to Java beyond our view records, errors that stop
 * the page instead of being printed into it. The compiled templates are cached and shared by all threads.
 */
public final class TemplateEngine {
    private final Configuration configuration;
    private final Path siteDir;
    private final List<Path> templateDirs;
    private final TemplateLimits limits;
    private final TemplateWatchdog watchdog;
    private final TemplateProblems problems;
    /**
     * Templates that ran away once (too long, too much output, endless recursion), with the problem: the
     * other pages they render fail at once instead of each running into the limit again.
     */
    private final Map<String, Problem> runaway = new ConcurrentHashMap<>();
    /**
     * Page writers not in use, emptied before each page: a new one cleared a 32 KB array for every page, 0.8% of a
     * cold 100,000-article build's CPU samples. There are as many as pages rendered at once, and they go with the
     * engine (a thread-local would outlive it in a pool's threads).
     */
    private final java.util.Queue<Utf8Writer> idleWriters = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public TemplateEngine(Path siteDir, Theme theme) {
        this(siteDir, theme, TemplateLimits.DEFAULT);
    }

    public TemplateEngine(Path siteDir, Theme theme, TemplateLimits limits) {
        this.siteDir = siteDir;
        this.templateDirs = theme.templateDirs(siteDir);
        this.limits = limits;
        this.watchdog = new TemplateWatchdog(limits.time());
        this.problems = new TemplateProblems(siteDir, templateDirs);
        Configuration config = new StoppableConfiguration();
        try {
            List<TemplateLoader> loaders = new ArrayList<>();
            for (Path dir : templateDirs) {
                if (Files.isDirectory(dir)) {
                    File base = dir.toFile();
                    loaders.add(new FileTemplateLoader(base, false));
                }
            }
            config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.setObjectWrapper(new ViewWrapper());
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setRecognizeStandardFileExtensions(true);
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setDefaultEncoding("UTF-8");
        config.setLocalizedLookup(false);
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setBooleanFormat("c");
        this.configuration = config;
    }

    private static final java.util.regex.Pattern INCLUDE = java.util.regex.Pattern.compile(
            "[<\\[]#(?:include|import)\\s+(\"[^\"]*\"|'[^']*')?");
    private final java.util.Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A digest of {@code template} and every template it includes or imports, transitively: a page is
     * rendered again when one of them changes, and only then. A template that names what it includes with
     * an expression, not a quoted name, depends on every template of the theme.
     */
    public String fingerprint(String template) {
        return fingerprints.computeIfAbsent(template, name -> {
            java.util.SortedSet<String> names = new java.util.TreeSet<>();
            if (!collectIncludes(name, names)) {
                names.addAll(allTemplateNames());
            }
            java.security.MessageDigest digest = Fingerprints.digest();
            for (String each : names) {
                digest.update(each.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(templateBytes(each));
                digest.update((byte) 0);
            }
            return Fingerprints.hex(digest.digest());
        });
    }

    /** Adds {@code name} and what it includes to {@code names}; false when an include is not a literal. */
    private boolean collectIncludes(String name, java.util.Set<String> names) {
        if (!names.add(name)) {
            return true;
        }
        String text = new String(templateBytes(name), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher include = INCLUDE.matcher(text);
        boolean literal = true;
        while (include.find()) {
            if (include.group(1) == null) {
                literal = false;
                continue;
            }
            String target = include.group(1).substring(1, include.group(1).length() - 1);
            String resolved = target.startsWith("/") ? target.substring(1)
                    : (name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "") + target;
            literal &= collectIncludes(resolved, names);
        }
        return literal;
    }

    private java.util.List<String> allTemplateNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Path dir : templateDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .forEach(file -> names.add(dir.relativize(file).toString().replace('\\', '/')));
            } catch (IOException e) {
                names.add("\u0000unreadable " + dir);
            }
        }
        return List.copyOf(names);
    }

    /** The bytes of the template FreeMarker would load for {@code name}; empty when there is none. */
    private byte[] templateBytes(String name) {
        for (Path dir : templateDirs) {
            Path file = dir.resolve(name).normalize();
            if (file.startsWith(dir) && Files.isRegularFile(file)) {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    return ("\u0000unreadable " + e.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return new byte[0];
    }

    /** A page that could not be rendered, with the template position to blame. */
    public static final class RenderFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        RenderFailure(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Renders {@code template} (e.g. "article.ftlh") with {@code view} as its data. */
    public String render(String template, Object view) throws RenderFailure {
        return render(template, view, "");
    }

    /**
     * Renders {@code template} with {@code view} as its data, for the output file {@code page} (named when the
     * template runs away), within the {@link TemplateLimits}.
     */
    public String render(String template, Object view, String page) throws RenderFailure {
        StringBuilderWriter out = new StringBuilderWriter(16384, limits.maxChars(), TemplateEngine::tooMuchOutput);
        process(template, view, page, out);
        return out.toString();
    }

    /** {@link #render(String, Object, String)}, encoded in UTF-8 as the template writes, for a file. */
    public byte[] renderUtf8(String template, Object view, String page) throws RenderFailure {
        Utf8Writer out = idleWriters.poll();
        if (out == null) {
            out = new Utf8Writer(32768, limits.maxChars(), TemplateEngine::tooMuchOutput);
        }
        try {
            out.reset();
            process(template, view, page, out);
            return out.toByteArray();
        } finally {
            idleWriters.offer(out);
        }
    }

    private static void tooMuchOutput() {
        throw new TooMuchOutput(TemplateWatchdog.instructionStack(Environment.getCurrentEnvironment()));
    }

    private void process(String template, Object view, String page, java.io.Writer out) throws RenderFailure {
        Problem ranAway = runaway.get(template);
        if (ranAway != null) {
            throw new RenderFailure(ranAway);
        }
        try {
            Template compiled = configuration.getTemplate(template);
            Environment env = compiled.createProcessingEnvironment(view, out);
            TemplateWatchdog.Watch watch = watchdog.watch(env);
            try {
                env.process();
            } finally {
                if (watch.finish()) {
                    throw remember(template, problems.ranAway(template, watch.where(), "ran for more than "
                            + limits.time().toMillis() / 1000.0 + " s on " + page(page) + " and was stopped",
                            "give every loop an end"));
                }
            }
        } catch (TooMuchOutput e) {
            throw remember(template, problems.ranAway(template, e.where, "wrote more than " + limits.maxChars()
                    + " characters for " + page(page) + " and was stopped",
                    "give every loop an end, e.g. 1..10 instead of 1.."));
        } catch (StackOverflowError e) {
            throw remember(template, problems.ranAway(template, recursionSite(template, view), "nested too deeply on "
                    + page(page)
                    + ": a macro, function or #include in it or in a template it includes calls itself without end",
                    "give the recursion a condition that stops it"));
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new RenderFailure(problems.notFound(template));
        } catch (TemplateException | IOException | SecurityException e) {
            throw new RenderFailure(problems.of(template, e));
        }
    }

    /** Where {@code template}, which overflowed the stack, calls itself; empty when that cannot be found. */
    private String recursionSite(String template, Object view) {
        try {
            return RecursionProbe.where(configuration.getTemplate(template), view);
        } catch (IOException e) {
            return "";
        }
    }

    /** What the output limit throws, with where the template was when it passed the limit. */
    private static final class TooMuchOutput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String where;

        TooMuchOutput(String where) {
            super("template output limit", null, false, false);
            this.where = where;
        }
    }

    /** Remembers a template that ran away, so that its other pages fail at once with the same problem. */
    private RenderFailure remember(String template, Problem problem) {
        runaway.putIfAbsent(template, problem);
        return new RenderFailure(runaway.get(template));
    }

    private static String page(String page) {
        return page.isEmpty() ? "a page" : page;
    }
}
