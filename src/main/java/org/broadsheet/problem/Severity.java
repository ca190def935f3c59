package org.broadsheet.problem;

/** How bad a {@link Problem} is: errors fail the build, warnings only fail it under {@code --strict}. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in diagnostics, as compilers print it. */
    public String label() {
        return label;
    }
}
