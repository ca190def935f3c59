package org.broadsheet.cli;

/** The exit codes CI scripts can rely on (README, "Exit codes"). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Problems in content, theme or config. */
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;
    /** Another build holds the site's lock. */
    public static final int LOCKED = 3;
    /** A bug in Broadsheet. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
