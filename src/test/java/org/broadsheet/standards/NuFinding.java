package org.broadsheet.standards;

/** One message of the Nu Html Checker about one page of the built site. */
record NuFinding(String file, int line, int column, Severity severity, String message) {
    enum Severity {
        WARNING, ERROR
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
                + message;
    }
}
