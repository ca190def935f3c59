package org.broadsheet.markdown;

import java.util.List;
import java.util.Set;
import org.broadsheet.config.HtmlPolicy;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/** The commonmark-java engine, the default. Parser and renderer are immutable after construction and thread-safe. */
public final class CommonmarkEngine implements MarkdownEngine {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public CommonmarkEngine(HtmlPolicy html) {
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                FootnotesExtension.create(), AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).postProcessor(new FigurePostProcessor()).build();
        HtmlRenderer.Builder builder = HtmlRenderer.builder()
                .extensions(extensions)
                .sanitizeUrls(true)
                .urlSanitizer(new PolicySanitizer())
                // URL sanitising in commonmark-java also adds rel="nofollow" to every link; flexmark does not,
                // and an archive's links to courts and ministries deserve no such mark: remove it.
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                        attributes.remove("rel");
                    }
                })
                .escapeHtml(html == HtmlPolicy.ESCAPE)
                .nodeRendererFactory(FigureRenderer::new);
        if (html == HtmlPolicy.STRIP) {
            builder.nodeRendererFactory(context -> new SilentRenderer());
        }
        this.renderer = builder.build();
    }

    /**
     * The bare CommonMark engine the conformance test measures: raw HTML passed through, no extensions, no
     * figures, no URL policy. Never used for a site.
     */
    private CommonmarkEngine() {
        this.parser = Parser.builder().build();
        this.renderer = HtmlRenderer.builder().percentEncodeUrls(true).build();
    }

    /** See {@link MarkdownEngines#specOnly}. */
    static CommonmarkEngine specOnly() {
        return new CommonmarkEngine();
    }

    @Override
    public String name() {
        return "commonmark";
    }

    @Override
    public String render(String markdown) {
        Node document = parser.parse(markdown);
        Interruptible.check();
        // Written through Interruptible so that a render the watchdog gave up on stops soon.
        StringBuilder html = new StringBuilder(markdown.length() + markdown.length() / 4);
        renderer.render(document, Interruptible.output(html));
        return html.toString();
    }

    /** A paragraph holding only an image with a title, made a figure. */
    static final class Figure extends CustomBlock {
    }

    private static final class FigurePostProcessor implements PostProcessor {
        @Override
        public Node process(Node document) {
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Paragraph paragraph) {
                    Node only = paragraph.getFirstChild();
                    if (only instanceof Image image && only.getNext() == null && image.getTitle() != null
                            && !image.getTitle().isBlank()) {
                        Figure figure = new Figure();
                        figure.appendChild(image);
                        paragraph.insertBefore(figure);
                        paragraph.unlink();
                    }
                }
            });
            return document;
        }
    }

    private static final class FigureRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        FigureRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Figure.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node.getFirstChild();
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag("figure");
            context.render(image);
            html.tag("figcaption");
            html.text(image.getTitle());
            html.tag("/figcaption");
            html.tag("/figure");
            html.line();
        }
    }

    /** Renders raw HTML as nothing: the {@code strip} policy. */
    private static final class SilentRenderer implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlInline.class, HtmlBlock.class);
        }

        @Override
        public void render(Node node) {
            // Deliberately empty: stripped HTML leaves no trace.
        }
    }

    private static final class PolicySanitizer implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return UrlPolicy.filter(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return UrlPolicy.filter(url);
        }
    }


}
