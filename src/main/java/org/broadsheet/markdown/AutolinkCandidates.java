package org.broadsheet.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Whether commonmark-java's autolink extension could change a parsed document. Its extractor (autolink-java)
 * reads only the literals of text nodes, and a link starts only where one holds "://", "www." or '@'; besides
 * links, the extension removes text nodes whose literal is empty (a paragraph's trailing spaces leave one, and a
 * lone image then becomes a figure). Han text holds none of these (its colon is the full-width '：', a link's
 * address is not text), so a story is parsed without the extension, which walks every char of every text, and
 * again with it only when a literal is empty or holds one of them.
 */
final class AutolinkCandidates extends AbstractVisitor {
    private boolean found;

    private AutolinkCandidates() {
    }

    static boolean in(Node document) {
        AutolinkCandidates candidates = new AutolinkCandidates();
        document.accept(candidates);
        return candidates.found;
    }

    @Override
    public void visit(Text text) {
        String literal = text.getLiteral();
        found |= literal.isEmpty() || literal.indexOf('@') >= 0 || literal.contains("://") || literal.contains("www.");
    }
}
