package org.broadsheet.render.view;

import java.util.List;

/**
 * A page's scan with each story's area as a link, and the page's PDF. Areas are percentages of the image,
 * so they stay on their stories at any width.
 *
 * @param image the scan's href, or empty when there is only a PDF
 * @param pdf   the PDF's href, or empty
 */
public record Scan(String image, String pdf, String alt, List<Area> areas) {
    public Scan {
        areas = List.copyOf(areas);
    }

    /** A story's rectangle: left, top, width, height in percent (as CSS values, e.g. "12.5%"). */
    public record Area(String href, String title, String left, String top, String width, String height) {
    }
}
