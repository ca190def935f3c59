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
import java.io.StringWriter;
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
            StringWriter out = new StringWriter(8192);
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
