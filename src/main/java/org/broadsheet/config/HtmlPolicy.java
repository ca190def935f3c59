package org.broadsheet.config;

/** What happens to raw HTML written inside Markdown. */
public enum HtmlPolicy {
    /** Removed: the safe default for archives imported from old systems. */
    STRIP,
    /** Shown as text, so the reader sees the tags. */
    ESCAPE,
    /** Passed through unchanged: only for content the webmaster fully trusts. */
    ALLOW
}
