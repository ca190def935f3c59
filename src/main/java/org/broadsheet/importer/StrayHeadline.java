package org.broadsheet.importer;

import java.util.List;

/**
 * A headline's second line (or another headline-like line) that layout printed inside the story's body, in the
 * gap of a paragraph broken across columns: "……法官多次上门" / "调解室里化干戈" / "了解情况……". The line belongs
 * to the headline, as the subtitle; taking it out lets {@link ColumnJoin} close the paragraph up again.
 */
final class StrayHeadline {
    private StrayHeadline() {
    }

    /** Removes such lines from {@code blocks} and returns them as the subtitle (empty when there were none). */
    static String remove(List<Block> blocks, List<Review> reviews) {
        StringBuilder subtitle = new StringBuilder();
        for (int i = 1; i + 1 < blocks.size(); i++) {
            Block before = blocks.get(i - 1);
            Block line = blocks.get(i);
            // Only between the halves of a broken paragraph: after a complete paragraph a short line is more
            // likely a subheading of the story, which stays (ColumnJoin lists it for review).
            if (TextShape.isHeadlineLike(line.text()) && !TextShape.endsClosed(before.text())
                    && !TextShape.isHeadlineLike(before.text())) {
                blocks.remove(i);
                if (subtitle.length() > 0) {
                    subtitle.append(' ');
                }
                subtitle.append(line.text());
                reviews.add(new Review(line.firstLine(), "headline line '" + line.text() + "' printed inside the "
                        + "body, between the halves of a broken paragraph: moved to the subtitle"));
                i--;
            }
        }
        return subtitle.toString();
    }
}
