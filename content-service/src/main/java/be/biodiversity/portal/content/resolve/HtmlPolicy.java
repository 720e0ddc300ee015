package be.biodiversity.portal.content.resolve;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * What HTML a page may carry: what the site's markdown produces and its pages write by hand (headings with ids,
 * tables with alignment, images with width/height, links, {@code <br>}, {@code <i class="fa ...">} icons,
 * {@code <div>}/{@code <span>} with classes, code). Scripts, styles, iframes, forms, event handlers and
 * {@code javascript:} URLs are removed; links may be http, https, mailto or relative.
 */
final class HtmlPolicy {

    private static final Pattern CLASS_NAMES = Pattern.compile("[A-Za-z0-9 _-]{1,200}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,200}");
    private static final Pattern LENGTH = Pattern.compile("\\d{1,5}(\\.\\d+)?(px|%|em|rem|vh|vw)?");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center");

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "blockquote", "pre", "code",
                    "hr", "br", "ul", "ol", "li", "dl", "dt", "dd", "em", "strong", "i", "b", "u", "s", "del",
                    "sup", "sub", "small", "mark", "abbr", "figure", "figcaption", "details", "summary",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "img", "a")
            .allowAttributes("id").matching(ID).globally()
            .allowAttributes("class").matching(CLASS_NAMES).globally()
            .allowAttributes("title").globally()
            .allowAttributes("align").matching(ALIGN).onElements("th", "td", "p", "div", "img")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,3}")).onElements("th", "td")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(LENGTH).onElements("img", "td", "th", "table")
            .allowAttributes("href").onElements("a")
            .allowAttributes("target").matching(Pattern.compile("_blank|_self")).onElements("a")
            .allowStandardUrlProtocols()
            .toFactory()
            .and(Sanitizers.STYLES);

    private HtmlPolicy() {
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
