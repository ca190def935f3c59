package org.broadsheet.markdown;

/**
 * Turns one article's Markdown body into an HTML fragment.
 *
 * <p>Implementations are configured once per build (extensions, raw-HTML policy, URL policy) and then
 * shared by every worker thread, so {@link #render} must be thread-safe and keep no state between calls.
 * Both engines support the same features: tables, strikethrough, footnotes, autolinks, and figures (an
 * image with a title, alone in its paragraph, becomes {@code <figure>} with the title as caption).
 */
public interface MarkdownEngine {

    /** The engine's name as written in site.yml ({@code flexmark}, {@code commonmark}). */
    String name();

    /**
     * Renders {@code markdown} (LF line ends, no front matter). Never returns null; may throw
     * {@link StackOverflowError} on pathological nesting, which {@link GuardedMarkdown} contains. Once the
     * calling thread is interrupted, it stops soon by throwing an unchecked exception: that is how
     * {@link GuardedMarkdown}'s watchdog ends a render it gave up on.
     *
     * <p>Besides the HTML, lists every link and image that becomes live in it and whose destination
     * {@link LocalTarget#of} takes for a relative path, with the line of {@code markdown} it starts on:
     * inline ones, and reference-style ones whose definition exists (with the line of the use, not of the
     * definition). Autolinks and raw HTML are not listed. Both engines list the same targets for the same
     * input.
     */
    Rendered render(String markdown);
}
