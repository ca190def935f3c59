package org.broadsheet.importer;

import java.util.List;

/**
 * Joins paragraphs that a column break cut in two. A paragraph that ends without closing punctuation
 * (。！？…；： or a closing quote after one) did not end: the next block is its continuation, sometimes from the
 * middle of a word, so the two are joined without a space ({@link TextShape#join}). The exception is a short
 * line after a complete paragraph, which is a subheading (一、案件回顾) and stays its own paragraph. Every join
 * and every such subheading goes to the review list: each is a guess.
 */
final class ColumnJoin {
    private ColumnJoin() {
    }

    static void join(List<Block> blocks, List<Review> reviews) {
        int i = 0;
        while (i < blocks.size()) {
            Block block = blocks.get(i);
            if (TextShape.endsClosed(block.text())) {
                i++;
            } else if (i + 1 >= blocks.size()) {
                reviews.add(new Review(block.lastLine(), "the story's last paragraph ends without closing "
                        + "punctuation: is it cut off, or continued on another page?"));
                i++;
            } else if (TextShape.isSubheadingLike(block.text())
                    && (i == 0 || TextShape.endsClosed(blocks.get(i - 1).text()))) {
                reviews.add(new Review(block.firstLine(), "short line '" + block.text() + "' kept as a paragraph "
                        + "of its own (a subheading?)"));
                i++;
            } else {
                Block next = blocks.get(i + 1);
                reviews.add(new Review(block.lastLine(), "paragraph at " + block.lines() + " ends without closing "
                        + "punctuation: joined with the paragraph at " + next.lines()));
                blocks.set(i, block.joinedWith(next));
                blocks.remove(i + 1);
            }
        }
    }
}
