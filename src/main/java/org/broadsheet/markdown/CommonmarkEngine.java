package org.broadsheet.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.broadsheet.config.HtmlPolicy;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/** The commonmark-java engine, the default. Parser and renderer are immutable after construction and thread-safe. */
public final class CommonmarkEngine implements MarkdownEngine {
    private static final String FOOTNOTES_OPEN = "<section class=\"footnotes\" data-footnotes>";
    private static final String FOOTNOTES_DIV = "<div class=\"footnotes\" data-footnotes>";
    private final Parser parser;
    /** The same parser without the autolink extension: see {@link AutolinkCandidates}. */
    private final Parser parserWithoutAutolinks;
    /** The same parser, recording where each inline starts: a third slower, so only for bodies with links. */
    private final Parser parserWithLines;
    private final HtmlRenderer renderer;
    /** Whether {@link #render} lists local targets; the spec-only engine has no use for them. */
    private final boolean listTargets;
    /** Whether the HTML is corrected for the site (see {@link #forTheSite}); the spec's examples expect XHTML. */
    private final boolean siteMarkup;

    public CommonmarkEngine(HtmlPolicy html) {
        this(html, false);
    }

    /**
     * @param alwaysAutolinks whether every story is parsed with the autolink extension, as the engine's tests
     *                        compare with; for a site, only those whose text may hold a link are
     */
    CommonmarkEngine(HtmlPolicy html, boolean alwaysAutolinks) {
        List<Extension> withoutAutolinks = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                FootnotesExtension.create());
        List<Extension> extensions = new ArrayList<>(withoutAutolinks);
        extensions.add(AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).postProcessor(new FigurePostProcessor())
                .postProcessor(new HeadingPostProcessor()).build();
        this.parserWithoutAutolinks = alwaysAutolinks ? parser : Parser.builder().extensions(withoutAutolinks)
                .postProcessor(new FigurePostProcessor()).postProcessor(new HeadingPostProcessor()).build();
        // Inline source spans give each link and image its line, for the messages about missing files.
        this.parserWithLines = Parser.builder().extensions(extensions).postProcessor(new FigurePostProcessor())
                .postProcessor(new HeadingPostProcessor())
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
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
                    if (node instanceof TableCell && attributes.containsKey("align")) {
                        attributes.put("style", Html5Markup.alignmentStyle(attributes.remove("align")));
                    }
                })
                .escapeHtml(html == HtmlPolicy.ESCAPE)
                .nodeRendererFactory(FigureRenderer::new);
        if (html == HtmlPolicy.STRIP) {
            builder.nodeRendererFactory(context -> new SilentRenderer());
        }
        this.renderer = builder.build();
        this.listTargets = true;
        this.siteMarkup = true;
    }

    /**
     * The bare CommonMark engine the conformance test measures: raw HTML passed through, no extensions, no
     * figures, no URL policy. Never used for a site.
     */
    private CommonmarkEngine() {
        this.parser = Parser.builder().build();
        this.parserWithoutAutolinks = parser;
        this.parserWithLines = parser;
        this.renderer = HtmlRenderer.builder().percentEncodeUrls(true).build();
        this.listTargets = false;
        this.siteMarkup = false;
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
    public Rendered render(String markdown) {
        Node document = parserWithoutAutolinks.parse(markdown);
        if (parserWithoutAutolinks != parser && AutolinkCandidates.in(document)) {
            document = parser.parse(markdown);
        }
        Interruptible.check();
        // Written through Interruptible so that a render the watchdog gave up on stops soon.
        StringBuilder html = new StringBuilder(markdown.length() + markdown.length() / 4);
        renderer.render(document, Interruptible.output(html));
        List<LocalTarget> targets = new ArrayList<>();
        // Every link and image opens with '[' (autolinks, which are never local, excepted). Source spans, which
        // give a target its line, slow every parse by about a third, and most stories link to nothing local
        // (none, or only to other sites): only a story that has a local target is parsed again with them.
        if (listTargets && markdown.indexOf('[') >= 0) {
            document.accept(new TargetCollector(targets, false));
            if (!targets.isEmpty()) {
                targets.clear();
                parserWithLines.parse(markdown).accept(new TargetCollector(targets, true));
            }
        }
        return new Rendered(siteMarkup ? forTheSite(html.toString()) : html.toString(), targets);
    }

    /**
     * HTML5 void elements, and footnotes in a {@code div} as flexmark-java writes them: commonmark-java puts them in
     * a {@code section} without a heading, which the Nu Html Checker warns about (a section is a part of the
     * outline, and notes to a story are not). They are rendered last, so the last {@code </section>} closes them.
     */
    private static String forTheSite(String html) {
        String out = Html5Markup.withoutVoidSlashes(html);
        int open = out.indexOf(FOOTNOTES_OPEN);
        int close = out.lastIndexOf("</section>");
        if (open >= 0 && close > open) {
            out = out.substring(0, open) + FOOTNOTES_DIV + out.substring(open + FOOTNOTES_OPEN.length(), close)
                    + "</div>" + out.substring(close + "</section>".length());
        }
        return out;
    }

    /** Renumbers the body's headings under the page's own h1: see {@link BodyHeadings}. */
    private static final class HeadingPostProcessor implements PostProcessor {
        @Override
        public Node process(Node document) {
            List<Heading> headings = new ArrayList<>();
            // Headings are blocks: the walk goes into block quotes, lists and footnotes, never into the text of a
            // heading or paragraph, which is most of a story's nodes.
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    headings.add(heading);
                }

                @Override
                public void visit(Paragraph paragraph) {
                }
            });
            int[] levels = BodyHeadings.htmlLevels(headings.stream().mapToInt(Heading::getLevel).toArray());
            for (int i = 0; i < levels.length; i++) {
                headings.get(i).setLevel(levels[i]);
            }
            return document;
        }
    }

    /** Lists links and images in document order; a reference-style one arrives here already resolved. */
    private static final class TargetCollector extends AbstractVisitor {
        private final List<LocalTarget> into;
        private final boolean withLines;

        /** @param withLines whether the document was parsed with source spans, which give the lines */
        TargetCollector(List<LocalTarget> into, boolean withLines) {
            this.into = into;
            this.withLines = withLines;
        }

        @Override
        public void visit(Link link) {
            LocalTarget.of(LocalTarget.Kind.LINK, link.getDestination(), withLines ? lineOf(link) : 0)
                    .ifPresent(into::add);
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            LocalTarget.of(LocalTarget.Kind.IMAGE, image.getDestination(), withLines ? lineOf(image) : 0)
                    .ifPresent(into::add);
            visitChildren(image);
        }

        /** The 1-based line the node starts on; a node without a span of its own takes its parent's. */
        private static int lineOf(Node node) {
            for (Node at = node; at != null; at = at.getParent()) {
                List<SourceSpan> spans = at.getSourceSpans();
                if (!spans.isEmpty()) {
                    return spans.get(0).getLineIndex() + 1;
                }
            }
            return 1;
        }
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
