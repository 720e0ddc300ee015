package be.biodiversity.portal.content.resolve;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * What HTML a page may carry: what the site's markdown produces and its pages write by hand (headings with ids,
 * tables with alignment, images with width/height, links, {@code <br>}, {@code <i class="fa ...">} icons,
 * {@code <div>}/{@code <span>} with classes, code), and iframes the {@link EmbedPolicy} allows (sandboxed, lazy,
 * no referrer). Scripts, styles (see {@link PageStyles}), other iframes, forms, event handlers and
 * {@code javascript:} URLs are removed; links may be http, https, mailto or relative.
 */
final class HtmlPolicy {

    private static final Pattern CLASS_NAMES = Pattern.compile("[A-Za-z0-9 _-]{1,200}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,200}");
    private static final Pattern LENGTH = Pattern.compile("\\d{1,5}(\\.\\d+)?(px|%|em|rem|vh|vw)?");
    private static final Pattern PIXELS = Pattern.compile("\\s*(\\d{1,5})(\\.\\d+)?\\s*(px)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center");

    private static final Pattern FRAME_ALLOW = Pattern.compile("[a-z-]{1,40}(;\\s?[a-z-]{1,40}){0,10};?");

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
            .allowAttributes("width", "height").matching(HtmlPolicy::pixels).onElements("img")
            .allowAttributes("width", "height").matching(LENGTH).onElements("td", "th", "table")
            .allowAttributes("href").onElements("a")
            .allowAttributes("target").matching(Pattern.compile("_blank|_self")).onElements("a")
            .allowStandardUrlProtocols()
            .toFactory()
            .and(Sanitizers.STYLES);

    private final PolicyFactory policy;

    HtmlPolicy(EmbedPolicy embeds) {
        this.policy = POLICY.and(frames(embeds));
    }

    private static PolicyFactory frames(EmbedPolicy embeds) {
        return new HtmlPolicyBuilder()
                .allowElements((name, attributes) -> {
                    int src = attributes.indexOf("src");
                    String kept = src < 0 || src % 2 != 0 ? null : embeds.frameSource(attributes.get(src + 1));
                    if (kept == null) {
                        return null;
                    }
                    attributes.set(src + 1, kept);
                    set(attributes, "sandbox", EmbedPolicy.SANDBOX);
                    set(attributes, "loading", "lazy");
                    set(attributes, "referrerpolicy", "strict-origin-when-cross-origin");
                    return name;
                }, "iframe")
                .allowAttributes("src").onElements("iframe")
                .allowAttributes("width", "height").matching(HtmlPolicy::pixels).onElements("iframe")
                .allowAttributes("title").onElements("iframe")
                .allowAttributes("allowfullscreen").matching(Pattern.compile("|allowfullscreen|true")).onElements("iframe")
                .allowAttributes("allow").matching(FRAME_ALLOW).onElements("iframe")
                .allowAttributes("frameborder").matching(Pattern.compile("[01]")).onElements("iframe")
                .allowUrlProtocols("https")
                .toFactory();
    }

    /**
     * An image's or frame's width and height are whole pixels in HTML: kramdown sites write {@code width="120px"},
     * which browsers read as 120 but the HTML checker reports as an error, so it is written as {@code 120}. Other
     * units (%, em) are not valid there and are dropped, as browsers would ignore them.
     */
    private static String pixels(String element, String attribute, String value) {
        java.util.regex.Matcher m = PIXELS.matcher(value);
        return m.matches() ? String.valueOf(Integer.parseInt(m.group(1))) : null;
    }

    private static void set(java.util.List<String> attributes, String name, String value) {
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                attributes.set(i + 1, value);
                return;
            }
        }
        attributes.add(name);
        attributes.add(value);
    }

    /** An embed code's protocol-relative frame address ({@code src="//player.vimeo.com/..."}) as https. */
    private static final Pattern RELATIVE_FRAME = Pattern.compile("(?i)(<iframe\\b[^<>]{0,2000}?\\ssrc\\s*+=\\s*+[\"']?+)//");

    String sanitize(String html) {
        String frames = html.contains("//") ? RELATIVE_FRAME.matcher(html).replaceAll("$1https://") : html;
        return policy.sanitize(frames);
    }
}
