package org.broadsheet.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
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
import java.util.TimeZone;
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

    public TemplateEngine(Path siteDir, Theme theme) {
        this.siteDir = siteDir;
        this.templateDirs = theme.templateDirs(siteDir);
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
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
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setMemberAccessPolicy(new ViewAccessPolicy());
        config.setObjectWrapper(wrapper.build());
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
        try {
            Template compiled = configuration.getTemplate(template);
            StringBuilderWriter out = new StringBuilderWriter(16384);
            compiled.process(view, out);
            return out.toString();
        } catch (ParseException e) {
            throw new RenderFailure(Problem.error(templateFile(e.getTemplateName()), e.getLineNumber(),
                    e.getColumnNumber(), "template syntax error: " + firstLine(e.getEditorMessage()),
                    "fix the template"));
        } catch (TemplateException e) {
            String name = e.getTemplateSourceName() == null ? template : e.getTemplateSourceName();
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int column = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
            throw new RenderFailure(Problem.error(templateFile(name), line, column,
                    "template error: " + firstLine(e.getMessageWithoutStackTop()),
                    "check the names the template uses against the theme guide in README"));
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new RenderFailure(Problem.error(templateDirs.isEmpty() ? Path.of("themes")
                    : siteDir.relativize(templateDirs.get(0)), 0, 0, "template " + template + " not found",
                    "add " + template + " to the theme or to its parent"));
        } catch (IOException e) {
            throw new RenderFailure(Problem.error(templateFile(template), 0, 0,
                    "cannot read template: " + e.getMessage(), "check the file"));
        } catch (SecurityException e) {
            // FreeMarker's loader refuses a template that is a link to a file outside the theme folder.
            throw new RenderFailure(Problem.error(templateFile(template), 0, 0,
                    "template is a link to a file outside the theme's templates folder",
                    "copy the template into the theme instead of linking it"));
        }
    }

    private Path templateFile(String name) {
        for (Path dir : templateDirs) {
            Path candidate = dir.resolve(name);
            if (Files.exists(candidate)) {
                return siteDir.relativize(candidate);
            }
        }
        return Path.of("themes", name);
    }

    /** FreeMarker's message up to its first "----" tip block, on one line. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : message.strip().split("\n")) {
            if (line.startsWith("----")) {
                break;
            }
            if (!line.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        return text.length() > 240 ? text.substring(0, 240) + "…" : text.toString();
    }
}
