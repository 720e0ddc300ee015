package be.biodiversity.portal.content.resolve;

import be.biodiversity.portal.markdown.KramdownBlocks;
import be.biodiversity.portal.markdown.MarkdownNesting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown to HTML as the site's kramdown does it for what the pages use: GFM tables, kramdown attribute lists
 * on spans and blocks, kramdown's blocks ({@link KramdownBlocks}: raw HTML elements, {@code markdown="1"},
 * {@code <br>} lines), an id on every heading (kramdown's auto ids, or {@code {#id}}), raw HTML passed on (to the
 * sanitizer). Also yields the table
 * of contents (headings of level 2 to 4) and the excerpt (the first paragraph's text).
 */
final class Markdown {

    record Output(String html, List<TocEntry> toc, String excerpt) {
    }

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    /**
     * Text as a reader sees it: a link is its words (commonmark's text renderer writes {@code "words" (url)}, which
     * showed on news cards as {@code A new "policy brief" (https://doi.org/…) highlights}; Jekyll's excerpt through
     * {@code strip_html} has only the words).
     */
    private final TextContentRenderer text = TextContentRenderer.builder()
        .nodeRendererFactory((context) -> new NodeRenderer() {
            @Override
            public Set<Class<? extends Node>> getNodeTypes() {
                return Set.of(Link.class);
            }

            @Override
            public void render(Node link) {
                for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
            }
        })
        .build();

    /**
     * A heading's text as kramdown makes its id from it: the text and code of the heading, not an image's alt text
     * nor a link's address ({@code ### ![Trust](/icons/trust.png)Confiance} is {@code confiance}).
     */
    static String headingText(Heading heading) {
        StringBuilder out = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Image image) {
                // kramdown leaves the image out of the id
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak lineBreak) {
                out.append(' ');
            }
        });
        return KramdownBlocks.unmark(out.toString()).strip();
    }

    Output render(String markdown) {
        KramdownBlocks.Prepared prepared = KramdownBlocks.prepare(
                HeaderlessTables.addHeaders(markdown == null ? "" : MarkdownNesting.cap(markdown)));
        Node document = parser.parse(prepared.markdown());
        KramdownAttributes kramdown = new KramdownAttributes();
        document.accept(kramdown);
        Map<Node, Map<String, String>> attributes = kramdown.attributes;
        BlockAttributeTargets.apply(document, prepared.attributes(), attributes);
        List<TocEntry> toc = new ArrayList<>();
        String[] excerpt = {null};
        IdGenerator ids = IdGenerator.builder().build();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String ownId = KramdownAttributes.takeHeaderId(heading);
                if (ownId != null) {
                    attributes.computeIfAbsent(heading, h -> new java.util.LinkedHashMap<>()).put("id", ownId);
                }
                String title = headingText(heading);
                String id = attributes.containsKey(heading) && attributes.get(heading).containsKey("id")
                        ? attributes.get(heading).get("id") : ids.generateId(title);
                attributes.computeIfAbsent(heading, h -> new java.util.LinkedHashMap<>()).put("id", id);
                if (heading.getLevel() >= 2 && heading.getLevel() <= 4) {
                    toc.add(new TocEntry(heading.getLevel(), id, title));
                }
            }

            @Override
            public void visit(Paragraph paragraph) {
                if (excerpt[0] == null && paragraph.getParent() instanceof org.commonmark.node.Document) {
                    String words = KramdownBlocks.unmark(text.render(paragraph)).strip();
                    if (!words.isEmpty()) {
                        excerpt[0] = words;
                    }
                }
            }
        });
        HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tag, attrs) -> {
                    Map<String, String> extra = attributes.get(node);
                    if (extra != null) {
                        attrs.putAll(extra);
                    }
                }).build();
        return new Output(KramdownBlocks.unmark(HeaderlessTables.removeEmptyHeaders(html.render(document))), List.copyOf(toc), excerpt[0] == null ? "" : excerpt[0]);
    }
}
