package org.broadsheet.markdown;

import java.util.regex.Pattern;

/**
 * Small corrections that make the engines' HTML read as the HTML5 the site is: both engines write void elements
 * the XHTML way ({@code <br />}, {@code <img … />}), which the Nu Html Checker warns about, and write table
 * alignment as the {@code align} attribute, which HTML5 made obsolete.
 */
final class Html5Markup {
    /**
     * A void element's tag ending in {@code />}. Only HTML's void elements: in raw SVG or MathML, which the
     * {@code allow} policy passes through, the slash closes the element and must stay. The engines escape every
     * {@code <} and {@code >} inside attribute values and text, so a match is always a tag. Under {@code allow} a
     * writer's own {@code <br/>} loses its slash too: to an HTML parser it is the same element.
     */
    private static final Pattern SELF_CLOSED_VOID = Pattern.compile(
            "(<(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\\b[^<>]*?)\\s*/>",
            Pattern.CASE_INSENSITIVE);

    private Html5Markup() {
    }

    /** {@code html} with {@code <br />} written {@code <br>}, and so on for every void element. */
    static String withoutVoidSlashes(String html) {
        if (html.indexOf("/>") < 0) {
            return html; // a story of plain paragraphs: no pass over it
        }
        return SELF_CLOSED_VOID.matcher(html).replaceAll("$1>");
    }

    /**
     * The CSS that says what a GFM separator cell ({@code :--}, {@code :-:}, {@code --:}) asked for, given the
     * engine's {@code align} value. A {@code style} rather than a class, so that the alignment holds under any theme.
     */
    static String alignmentStyle(String align) {
        return "text-align: " + align;
    }
}
