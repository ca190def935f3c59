package org.broadsheet.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TableCell;
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

/** The flexmark-java engine. Parser and renderer are built once and shared by all threads. */
public final class FlexmarkEngine implements MarkdownEngine {
    private final Parser parser;
    private final HtmlRenderer renderer;

    private final boolean specOnly;

    public FlexmarkEngine(HtmlPolicy html) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                FootnoteExtension.create(), AutolinkExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, html == HtmlPolicy.ESCAPE);
        options.set(HtmlRenderer.SUPPRESS_HTML, html == HtmlPolicy.STRIP);
        // flexmark drops javascript: links to bare text on its own; turn that off so that UrlPolicy alone
        // decides, and both engines render a refused link the same way (href="#").
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
        // Match commonmark-java's table markup (alignment is then moved to a style by SiteAttributes).
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        // GFM (and commonmark-java) take one dash as a separator cell; flexmark-java asks for three by default.
        options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        this.parser = Parser.builder(options).build();
        HtmlRenderer.Builder builder = HtmlRenderer.builder(options)
                .attributeProviderFactory(new SiteAttributesFactory())
                .nodeRendererFactory(dataHolder -> new FigureRenderer());
        if (html != HtmlPolicy.STRIP) {
            builder.nodeRendererFactory(dataHolder -> new CommentBlockRenderer(html == HtmlPolicy.ESCAPE));
        }
        this.renderer = builder.build();
        this.specOnly = false;
    }

    /**
     * The bare CommonMark engine the conformance test measures: raw HTML passed through, no extensions, no
     * figures, no URL policy, URLs percent-encoded as the spec's examples expect. Never used for a site.
     */
    private FlexmarkEngine() {
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
        options.set(HtmlRenderer.PERCENT_ENCODE_URLS, true);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.specOnly = true;
    }

    /** See {@link MarkdownEngines#specOnly}. */
    static FlexmarkEngine specOnly() {
        return new FlexmarkEngine();
    }

    @Override
    public String name() {
        return "flexmark";
    }

    @Override
    public Rendered render(String markdown) {
        // Read and written through Interruptible so that a render the watchdog gave up on stops soon.
        Document document = parser.parse(BasedSequence.of(Interruptible.chars(markdown)));
        if (!specOnly) {
            makeFigures(document);
            renumberHeadings(document);
        }
        StringBuilder html = new StringBuilder(markdown.length() + markdown.length() / 4);
        renderer.render(document, Interruptible.output(html));
        // Every link and image opens with '[' (autolinks, which name no file of ours, excepted).
        boolean mayLink = !specOnly && markdown.indexOf('[') >= 0;
        String body = specOnly ? html.toString() : Html5Markup.withoutVoidSlashes(html.toString());
        return new Rendered(body, mayLink ? targets(document) : List.of());
    }

    /** The body's headings under the page's own h1: see {@link BodyHeadings}. */
    private static void renumberHeadings(Document document) {
        List<Heading> headings = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading) {
                headings.add(heading);
            }
        }
        int[] levels = BodyHeadings.htmlLevels(headings.stream().mapToInt(Heading::getLevel).toArray());
        for (int i = 0; i < levels.length; i++) {
            headings.get(i).setLevel(levels[i]);
        }
    }

    /**
     * Links and images in document order, with their destinations unescaped as the renderer writes them.
     * flexmark keeps reference-style links as their own nodes (commonmark-java resolves them while parsing):
     * an undefined reference renders as text, and a defined one takes its definition's URL.
     */
    private static List<LocalTarget> targets(Document document) {
        List<LocalTarget> targets = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            BasedSequence url;
            LocalTarget.Kind kind;
            if (node instanceof Image image) {
                url = image.getUrl();
                kind = LocalTarget.Kind.IMAGE;
            } else if (node instanceof Link link) {
                url = link.getUrl();
                kind = LocalTarget.Kind.LINK;
            } else if (node instanceof RefNode ref && (ref instanceof LinkRef || ref instanceof ImageRef)
                    && ref.isDefined()) {
                Reference reference = ref.getReferenceNode(document);
                if (reference == null) {
                    continue;
                }
                url = reference.getUrl();
                kind = ref instanceof ImageRef ? LocalTarget.Kind.IMAGE : LocalTarget.Kind.LINK;
            } else {
                continue;
            }
            LocalTarget.of(kind, url.unescape(), node.getStartLineNumber() + 1).ifPresent(targets::add);
        }
        return targets;
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

    /**
     * flexmark-java renders an HTML comment block (its own node type) from its source lines as they stand, with
     * the {@code >} or indentation of an enclosing quote or list item inside, and with {@code escape} as bare
     * text outside any paragraph. commonmark-java renders it like any other HTML block: without the container
     * prefixes, and escaped in a paragraph. Do the same here, so both engines give the same page.
     */
    private static final class CommentBlockRenderer implements NodeRenderer {
        private final boolean escape;

        CommentBlockRenderer(boolean escape) {
            this.escape = escape;
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(HtmlCommentBlock.class, (block, context, html) -> {
                String source = block.getContentChars().trimEOL().normalizeEOL();
                if (escape) {
                    html.line().raw("<p>").text(source).raw("</p>").line();
                } else {
                    html.line().rawPre(source).line();
                }
            }));
        }
    }

    private static final class SiteAttributesFactory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return SiteAttributes.INSTANCE;
        }
    }

    /** The URL policy on links and images, and table alignment as a style rather than HTML4's {@code align}. */
    private enum SiteAttributes implements AttributeProvider {
        INSTANCE;

        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            if (node instanceof TableCell && attributes.contains("align")) {
                String align = attributes.getValue("align");
                attributes.remove("align");
                attributes.addValue("style", Html5Markup.alignmentStyle(align));
            }
            for (String name : List.of("href", "src")) {
                String value = attributes.getValue(name);
                if (attributes.contains(name) && !UrlPolicy.isAllowed(value)) {
                    attributes.replaceValue(name, UrlPolicy.BLOCKED);
                }
            }
        }
    }
}
