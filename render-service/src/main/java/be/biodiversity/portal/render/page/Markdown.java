package be.biodiversity.portal.render.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;

/**
 * Markdown from content-service to HTML. Content is untrusted: raw HTML in it is escaped, not
 * passed through, and links to {@code javascript:} and the like are dropped.
 */
@Component
public class Markdown {

    private static final Pattern KRAMDOWN_ATTRIBUTES = Pattern.compile("\\{:[^}\\n]*}");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer blockRenderer = renderer(false);

    private final HtmlRenderer inlineRenderer = renderer(true);

    /** A page body. Level-1 headings become level 2: the page title is the page's only h1. */
    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = this.parser.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.max(heading.getLevel(), 2));
                visitChildren(heading);
            }
        });
        return this.blockRenderer.render(document);
    }

    /** A one-line text such as an image credit, without the surrounding paragraph. */
    public String toInlineHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        return this.inlineRenderer.render(this.parser.parse(markdown)).strip();
    }

    /**
     * Markdown written for the Jekyll theme, such as footer text: kramdown attribute lists ({@code {:height=..}})
     * and raw HTML are dropped rather than shown as text.
     */
    public String toHtmlWithoutRawHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = this.parser.parse(KRAMDOWN_ATTRIBUTES.matcher(markdown).replaceAll(""));
        List<Node> raw = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                raw.add(html);
            }

            @Override
            public void visit(HtmlBlock html) {
                raw.add(html);
            }
        });
        raw.forEach(Node::unlink);
        return this.blockRenderer.render(document);
    }

    private static HtmlRenderer renderer(boolean inline) {
        return HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .omitSingleParagraphP(inline)
            .build();
    }

}
