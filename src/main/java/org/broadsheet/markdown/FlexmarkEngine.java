package org.broadsheet.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.broadsheet.config.HtmlPolicy;

/** The flexmark-java engine (the default). Parser and renderer are built once and shared by all threads. */
public final class FlexmarkEngine implements MarkdownEngine {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public FlexmarkEngine(HtmlPolicy html) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                FootnoteExtension.create(), AutolinkExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, html == HtmlPolicy.ESCAPE);
        options.set(HtmlRenderer.SUPPRESS_HTML, html == HtmlPolicy.STRIP);
        // flexmark drops javascript: links to bare text on its own; turn that off so that UrlPolicy alone
        // decides, and both engines render a refused link the same way (href="#").
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
        // Match commonmark-java's table markup: GFM alignment as a style-free "align" attribute.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options)
                .attributeProviderFactory(new UrlPolicyProviderFactory())
                .nodeRendererFactory(dataHolder -> new FigureRenderer())
                .build();
    }

    @Override
    public String name() {
        return "flexmark";
    }

    @Override
    public String render(String markdown) {
        Document document = parser.parse(markdown);
        makeFigures(document);
        return renderer.render(document);
    }

    /** A paragraph holding only an image with a title, made a figure. */
    static final class Figure extends Block {
        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    private static void makeFigures(Node parent) {
        List<Paragraph> candidates = new ArrayList<>();
        collectParagraphs(parent, candidates);
        for (Paragraph paragraph : candidates) {
            Node only = paragraph.getFirstChild();
            if (only instanceof Image image && only.getNext() == null && !image.getTitle().isBlank()) {
                Figure figure = new Figure();
                paragraph.insertBefore(figure);
                image.unlink();
                figure.appendChild(image);
                paragraph.unlink();
            }
        }
    }

    private static void collectParagraphs(Node parent, List<Paragraph> into) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph paragraph) {
                into.add(paragraph);
            }
        }
    }

    private static final class FigureRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Figure.class, (figure, context, html) -> {
                Image image = (Image) figure.getFirstChild();
                String title = Escaping.unescapeString(image.getTitle().toString());
                html.line().raw("<figure>");
                context.render(image);
                html.raw("<figcaption>").text(title).raw("</figcaption></figure>").line();
            }));
        }
    }

    private static final class UrlPolicyProviderFactory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return UrlPolicyProvider.INSTANCE;
        }
    }

    private enum UrlPolicyProvider implements AttributeProvider {
        INSTANCE;

        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            for (String name : List.of("href", "src")) {
                String value = attributes.getValue(name);
                if (attributes.contains(name) && !UrlPolicy.isAllowed(value)) {
                    attributes.replaceValue(name, UrlPolicy.BLOCKED);
                }
            }
        }
    }
}
