package be.biodiversity.portal.render.text;

import be.biodiversity.portal.markdown.MarkdownNesting;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import be.biodiversity.portal.render.site.SafeUrls;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Markdown from content-service or directory-service to HTML. Content is untrusted: raw HTML in it is escaped, not
 * passed through, and a link or image whose address {@link SafeUrls} refuses ({@code javascript:}, {@code data:},
 * {@code /\evil.example}, ...) is dropped: a link's text stays as plain text, an image leaves its alt text.
 */
@Component
public class Markdown {

    private static final Pattern KRAMDOWN_ATTRIBUTES = Pattern.compile("\\{:[^{}\\n]{0,500}}");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    private final HtmlRenderer blockRenderer = renderer(false);

    private final HtmlRenderer inlineRenderer = renderer(true);

    /**
     * One-line texts already made into HTML: a page's description and image credit are the same on every render,
     * and parsing them was 4 % of an uncached render of {@code /nl/community}. Only short texts; the HTML depends on
     * nothing but the text.
     */
    private final Cache<String, String> inline = Caffeine.newBuilder().maximumSize(2_000).build();

    /** The longest text whose inline HTML is kept. */
    static final int MAX_KEPT_INLINE = 1_000;

    /** A page body. Level-1 headings become level 2: the page title is the page's only h1. */
    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return guarded(markdown, () -> blockHtml(markdown));
    }

    private String blockHtml(String markdown) {
        Node document = parse(markdown);
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
        if (markdown.length() > MAX_KEPT_INLINE) {
            return inlineHtml(markdown);
        }
        return this.inline.get(markdown, this::inlineHtml);
    }

    private String inlineHtml(String markdown) {
        return guarded(markdown, () -> this.inlineRenderer.render(parse(markdown)).strip());
    }

    /**
     * Markdown written for the Jekyll theme, such as footer text: kramdown attribute lists ({@code {:height=..}})
     * and raw HTML are dropped rather than shown as text.
     */
    public String toHtmlWithoutRawHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return guarded(markdown, () -> htmlWithoutRawHtml(markdown));
    }

    private String htmlWithoutRawHtml(String markdown) {
        Node document = parse(markdown);
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

    /**
     * The HTML, or the text escaped when it nests deeper than the parser and renderer can follow: a stack overflow
     * on a Netty thread would otherwise leave the request (and any answer cached for it) hanging. Container
     * nesting is capped before parsing ({@link MarkdownNesting}); this is the backstop for what else nests.
     */
    private static String guarded(String markdown, Supplier<String> html) {
        try {
            return html.get();
        }
        catch (StackOverflowError ex) {
            return "<p>" + HtmlUtils.htmlEscape(markdown) + "</p>";
        }
    }

    /**
     * Parsed, with the links and images the URL policy refuses taken out. Kramdown's attribute lists
     * ({@code [site](https://x.org){:target="_blank"}}, {@code {: .box}}) are written for the site's Jekyll: here they
     * are dropped, never shown as text.
     */
    private Node parse(String markdown) {
        Node document = this.parser.parse(MarkdownNesting.cap(KRAMDOWN_ATTRIBUTES.matcher(markdown).replaceAll("")));
        List<Node> refused = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (SafeUrls.link(link.getDestination()) == null) {
                    refused.add(link);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (SafeUrls.image(image.getDestination()) == null) {
                    refused.add(image);
                }
                visitChildren(image);
            }
        });
        refused.forEach(Markdown::unwrap);
        return document;
    }

    /** A refused link becomes its text; a refused image its alt text. */
    private static void unwrap(Node node) {
        if (node instanceof Image) {
            StringBuilder alt = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            node.insertBefore(new Text(alt.toString()));
        }
        else {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
        }
        node.unlink();
    }

    /** The same policy once more where the renderer writes a URL, whatever the tree holds. */
    private static final UrlSanitizer POLICY = new UrlSanitizer() {
        @Override
        public String sanitizeLinkUrl(String url) {
            String safe = SafeUrls.link(url);
            return safe == null ? "" : safe;
        }

        @Override
        public String sanitizeImageUrl(String url) {
            String safe = SafeUrls.image(url);
            return safe == null ? "" : safe;
        }
    };

    private static HtmlRenderer renderer(boolean inline) {
        return HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(POLICY)
            .omitSingleParagraphP(inline)
            .build();
    }

}
