package org.broadsheet.standards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the W3C's HTML validator, {@code vnu}) run in this JVM, configured as its command line runs
 * by default: the full HTML schema, datatype warnings and language detection on, no CSS or SVG files.
 *
 * <p>Loading the schema takes seconds, so one checker is built per test class and reused for every page. It
 * keeps the validator's state between files: use it from one thread.
 */
final class NuHtmlChecker {
    /** The schema {@code vnu} checks HTML against when given no {@code --schema}. */
    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final SimpleDocumentValidator validator;
    private final Collector collector = new Collector();

    NuHtmlChecker() {
        // As vnu's own command line sets it: bad attribute values (dates, URLs, …) are reported as warnings.
        System.setProperty("nu.validator.datatype.warn", "true");
        // (initializeLog4j, logUrls, enableLanguageDetection): the command line's settings for files.
        validator = new SimpleDocumentValidator(true, false, true);
        try {
            validator.setUpMainSchema(HTML_SCHEMA, collector);
            validator.setUpValidatorAndParsers(collector, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu Html Checker did not start", e);
        }
    }

    /** What the checker says about one HTML file, read as UTF-8, in document order. */
    List<NuFinding> check(Path file, String name) {
        collector.start(name);
        try {
            validator.checkHtmlFile(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            // A fatal error has already been collected; the checker stops at it, and so does this file.
        }
        return collector.finish();
    }

    /** The checker reports through SAX: warnings, errors and fatal (unparseable) errors. */
    private static final class Collector implements ErrorHandler {
        private String name = "";
        private List<NuFinding> findings = new ArrayList<>();

        void start(String file) {
            name = file;
            findings = new ArrayList<>();
        }

        List<NuFinding> finish() {
            return List.copyOf(findings);
        }

        @Override
        public void warning(SAXParseException e) {
            add(NuFinding.Severity.WARNING, e);
        }

        @Override
        public void error(SAXParseException e) {
            add(NuFinding.Severity.ERROR, e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            add(NuFinding.Severity.ERROR, e);
            throw e;
        }

        private void add(NuFinding.Severity severity, SAXParseException e) {
            findings.add(new NuFinding(name, e.getLineNumber(), e.getColumnNumber(), severity, e.getMessage()));
        }
    }
}
