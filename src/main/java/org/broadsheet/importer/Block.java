package org.broadsheet.importer;

/**
 * A paragraph of a story's body as printed: one or more lines without a blank line between them, joined.
 *
 * @param firstLine the line it starts on, for the review list
 * @param lastLine  the line it ends on
 */
record Block(int firstLine, int lastLine, String text) {
    Block withText(String replaced) {
        return new Block(firstLine, lastLine, replaced);
    }

    /** This block and the next one as one paragraph (a paragraph a column break had cut in two). */
    Block joinedWith(Block next) {
        return new Block(firstLine, next.lastLine(), TextShape.join(text, next.text()));
    }

    String lines() {
        return firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "–" + lastLine;
    }
}
