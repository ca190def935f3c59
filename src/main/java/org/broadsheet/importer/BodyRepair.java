package org.broadsheet.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the lines of a story's body back into the paragraphs the author wrote, undoing what layout did to them,
 * one step at a time: lines wrapped inside a paragraph are joined ({@link #blocks}), the dateline and the
 * byline are taken out into front matter ({@link #dateline}, {@link #byline}), a headline line printed between
 * the two halves of a broken paragraph goes back to the headline ({@link StrayHeadline}), and paragraphs cut by
 * a column break are joined again ({@link ColumnJoin}). Every guess is written to the review list.
 */
final class BodyRepair {
    private BodyRepair() {
    }

    /**
     * A story's body, repaired.
     *
     * @param subtitle headline lines found inside the body, or empty
     */
    record Body(String dateline, Credit credit, String subtitle, List<Block> paragraphs) {
        Body {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    static Body repair(List<SourceLine> lines, List<Review> reviews) {
        List<Block> blocks = blocks(lines);
        String dateline = "";
        Credit credit = Credit.NONE;
        if (!blocks.isEmpty()) {
            Optional<DatelineReader.Opening> opening = DatelineReader.read(blocks.get(0).text());
            if (opening.isPresent()) {
                dateline = opening.get().dateline();
                credit = opening.get().credit();
                blocks.set(0, blocks.get(0).withText(opening.get().rest()));
            }
        }
        credit = merge(credit, byline(blocks));
        String subtitle = StrayHeadline.remove(blocks, reviews);
        ColumnJoin.join(blocks, reviews);
        return new Body(dateline, credit, subtitle, blocks);
    }

    /**
     * The body's paragraphs as printed: lines not separated by a blank line form one paragraph (an export that
     * wraps long lines), except a byline, which is always its own.
     */
    static List<Block> blocks(List<SourceLine> lines) {
        List<Block> blocks = new ArrayList<>();
        for (SourceLine line : lines) {
            Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            Block block = new Block(line.number(), line.number(), line.text());
            if (last != null && !line.afterBlank() && CreditReader.ownLine(line.text()).isEmpty()
                    && CreditReader.ownLine(last.text()).isEmpty()) {
                blocks.set(blocks.size() - 1, last.joinedWith(block));
            } else {
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** Takes the byline off the end of the body: a line of its own, or the end of the last paragraph. */
    private static Credit byline(List<Block> blocks) {
        if (blocks.isEmpty()) {
            return Credit.NONE;
        }
        Block last = blocks.get(blocks.size() - 1);
        Optional<Credit> own = CreditReader.ownLine(last.text());
        if (own.isPresent()) {
            blocks.remove(blocks.size() - 1);
            return own.get();
        }
        Optional<CreditReader.Trailing> trailing = CreditReader.trailing(last.text());
        if (trailing.isPresent()) {
            blocks.set(blocks.size() - 1, last.withText(trailing.get().paragraph()));
            return trailing.get().credit();
        }
        return Credit.NONE;
    }

    /** Reporters credited after the dateline and at the end are one list; a supplier stays a supplier. */
    private static Credit merge(Credit opening, Credit closing) {
        List<String> authors = new ArrayList<>(opening.authors());
        closing.authors().stream().filter(a -> !authors.contains(a)).forEach(authors::add);
        return new Credit(authors, closing.source().isEmpty() ? opening.source() : closing.source());
    }
}
