package be.biodiversity.portal.render.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.biodiversity.portal.render.content.SiteFiles.SiteFile;

/**
 * Rewrites the {@code <img>} tags of a page whose {@code src} is a file of the site ({@code /assets/images/x.jpg})
 * that content-service knows: the URL gets the file's fingerprint ({@code ?v=}, cached a year), a JPEG or PNG wider
 * than the smallest width gets a {@code srcset} of content-service's narrower copies ({@code ?w=480 480w, …}) and
 * the file itself at its own width, with {@code sizes} (the tag's own pixel width, else the viewport), and every
 * such image gets its {@code width}/{@code height} (no layout shift) and {@code decoding="async"}; images not in a
 * hero are {@code loading="lazy"}, the hero image ({@code class} with "hero") is fetched first
 * ({@code fetchpriority="high"}). When content-service offers WebP for the file ({@code webp: true} in its list), the
 * tag is wrapped in a {@code <picture>} whose {@code <source type="image/webp">} lists the same widths with
 * {@code &format=webp}: browsers that take WebP load those, the others the {@code <img>}'s own. The page is the same
 * for every browser, so it is cached as one (no {@code Vary}). A tag that has a {@code srcset} already, is inside a
 * {@code <picture>} already, or whose file is unknown, stays as it is. The tags are those Thymeleaf and
 * content-service's sanitizer write: attributes in double quotes.
 */
public final class ResponsiveImages {

    private static final String PICTURE = "<picture";

    private static final String PICTURE_END = "</picture";

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)=\"([^\"]*)\"");

    private final List<Integer> widths;

    public ResponsiveImages(List<Integer> widths) {
        this.widths = List.copyOf(widths);
    }

    /**
     * One pass over the page's tags: each {@code <img ...>} (any case) is rewritten, knowing whether it sits inside a
     * {@code <picture>}; everything else is copied as it is.
     */
    public String rewrite(String html, Map<String, SiteFile> files) {
        if (files.isEmpty()) {
            return html;
        }
        StringBuilder out = null;
        int last = 0;
        int pictures = 0;
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
            if (html.startsWith(PICTURE, at)) {
                pictures++;
            }
            else if (html.startsWith(PICTURE_END, at)) {
                pictures--;
            }
            else if (isImg(html, at)) {
                int end = html.indexOf('>', at);
                if (end < 0) {
                    break;
                }
                if (out == null) {
                    out = new StringBuilder(html.length() + 1024);
                }
                out.append(html, last, at).append(rewriteTag(html.substring(at, end + 1), files, pictures <= 0));
                last = end + 1;
                at = end;
            }
        }
        return out == null ? html : out.append(html, last, html.length()).toString();
    }

    /**
     * {@link #rewrite(String, Map)} over the page's UTF-8 bytes: only the {@code <img>} tags are decoded, the rest is
     * copied as bytes (decoding and encoding every page again was 11 % of render-service's CPU per uncached page).
     * The same page as the String form gives, for any well-formed UTF-8; {@code page} itself when nothing changed.
     */
    public byte[] rewrite(byte[] page, Map<String, SiteFile> files) {
        if (files.isEmpty()) {
            return page;
        }
        ByteArrayOutputStream out = null;
        int last = 0;
        int pictures = 0;
        for (int at = indexOf(page, (byte) '<', 0); at >= 0; at = indexOf(page, (byte) '<', at + 1)) {
            if (startsWith(page, at, PICTURE)) {
                pictures++;
            }
            else if (startsWith(page, at, PICTURE_END)) {
                pictures--;
            }
            else if (isImg(page, at)) {
                int end = indexOf(page, (byte) '>', at);
                if (end < 0) {
                    break;
                }
                String tag = new String(page, at, end + 1 - at, StandardCharsets.UTF_8);
                String rewritten = rewriteTag(tag, files, pictures <= 0);
                if (!rewritten.equals(tag)) {
                    if (out == null) {
                        out = new ByteArrayOutputStream(page.length + 1024);
                    }
                    out.write(page, last, at - last);
                    out.writeBytes(rewritten.getBytes(StandardCharsets.UTF_8));
                    last = end + 1;
                }
                at = end;
            }
        }
        if (out == null) {
            return page;
        }
        out.write(page, last, page.length - last);
        return out.toByteArray();
    }

    private static int indexOf(byte[] page, byte b, int from) {
        for (int i = from; i < page.length; i++) {
            if (page[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] page, int at, String ascii) {
        if (at + ascii.length() > page.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (page[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #isImg(String, int)} on bytes: {@code <img}, then no word character.
     */
    private static boolean isImg(byte[] page, int at) {
        int after = afterImg(page, at);
        if (after < 0) {
            return false;
        }
        if (after == page.length) {
            return true;
        }
        byte next = page[after];
        if (next >= 0) {
            return !isWordChar((char) next);
        }
        // a character of several bytes: decoded alone (a well-formed one is at most four)
        String one = new String(page, after, Math.min(4, page.length - after), StandardCharsets.UTF_8);
        return !isWordChar(one.charAt(0));
    }

    /**
     * Where the {@code img} ends if {@code <img} in any case starts at {@code at} (its i also the Turkish dotted or
     * dotless one, U+0130 or U+0131, which Java's case-blind comparison takes for an i); else -1.
     */
    static int afterImg(byte[] page, int at) {
        if (at + 1 >= page.length || page[at] != '<') {
            return -1;
        }
        int m = at + 2;
        if (at + 2 < page.length && page[at + 1] == (byte) 0xC4
                && (page[at + 2] == (byte) 0xB0 || page[at + 2] == (byte) 0xB1)) {
            m = at + 3;
        }
        else if ((page[at + 1] | 0x20) != 'i') {
            return -1;
        }
        return m + 1 < page.length && (page[m] | 0x20) == 'm' && (page[m + 1] | 0x20) == 'g' ? m + 2 : -1;
    }

    /** Whether an {@code <img} tag (any case, a whole word) starts at {@code at}, a {@code <}. */
    private static boolean isImg(String html, int at) {
        int after = at + 4;
        return html.regionMatches(true, at + 1, "img", 0, 3)
                && (after == html.length() || !isWordChar(html.charAt(after)));
    }

    /** Whether a regular expression's {@code \b} counts {@code c} as part of a word. */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private String rewriteTag(String tag, Map<String, SiteFile> files, boolean mayWrap) {
        Map<String, String> attributes = attributes(tag);
        String src = attributes.get("src");
        if (src == null || attributes.containsKey("srcset") || !src.startsWith("/") || src.startsWith("//")
                || src.indexOf('?') >= 0 || src.indexOf('#') >= 0 || src.indexOf('&') >= 0) {
            return tag;
        }
        SiteFile file = files.get(decoded(src.substring(1)));
        if (file == null || file.fingerprint() == null) {
            return tag;
        }
        String url = src + "?v=" + file.fingerprint();
        StringBuilder extra = new StringBuilder();
        String webpSource = null;
        if (file.resizable()) {
            boolean narrower = widths.stream().anyMatch(width -> width < file.width());
            String sizes = narrower ? " sizes=\"" + sizes(attributes, file) + "\"" : "";
            if (narrower) {
                extra.append(" srcset=\"").append(srcset(url, file, "")).append('"').append(sizes);
            }
            if (mayWrap && Boolean.TRUE.equals(file.webp())) {
                webpSource = "<source type=\"image/webp\" srcset=\"" + srcset(url, file, "&amp;format=webp") + "\""
                        + sizes + ">";
            }
        }
        if (file.width() != null && file.height() != null && !attributes.containsKey("width")
                && !attributes.containsKey("height")) {
            extra.append(" width=\"").append(file.width()).append("\" height=\"").append(file.height()).append('"');
        }
        boolean hero = attributes.getOrDefault("class", "").toLowerCase(Locale.ROOT).contains("hero");
        if (!attributes.containsKey("loading")) {
            extra.append(hero ? " fetchpriority=\"high\"" : " loading=\"lazy\"");
        }
        if (!attributes.containsKey("decoding")) {
            extra.append(" decoding=\"async\"");
        }
        String withUrl = tag.replace(" src=\"" + src + "\"", " src=\"" + url + "\"");
        int end = withUrl.endsWith("/>") ? withUrl.length() - 2 : withUrl.length() - 1;
        String img = withUrl.substring(0, end).stripTrailing() + extra + withUrl.substring(end);
        return webpSource == null ? img : "<picture>" + webpSource + img + "</picture>";
    }

    /**
     * The narrower copies and the file at its own width, each URL with {@code format} appended; a single URL without
     * a width when no copy is narrower.
     */
    private String srcset(String url, SiteFile file, String format) {
        StringBuilder srcset = new StringBuilder();
        for (int width : widths) {
            if (width < file.width()) {
                srcset.append(url).append("&amp;w=").append(width).append(format).append(' ').append(width).append("w, ");
            }
        }
        if (srcset.length() == 0) {
            return url + format;
        }
        return srcset.append(url).append(format).append(' ').append(file.width()).append('w').toString();
    }

    /**
     * The tag's own width in pixels ({@code width="180"}, kramdown's {@code width="180px"}); else the width its own
     * pixel height gives at the file's proportions (the header's logo, {@code height="28"}: a 976 x 300 logo is 91 px
     * wide, so a 480 px copy is enough, not the whole file); else the viewport.
     */
    private static String sizes(Map<String, String> attributes, SiteFile file) {
        String width = attributes.get("width");
        if (width != null && width.matches("\\d{1,4}(px)?")) {
            return width.replace("px", "") + "px";
        }
        String height = attributes.get("height");
        if (width == null && height != null && height.matches("\\d{1,4}(px)?")) {
            long pixels = Math.round(Double.parseDouble(height.replace("px", "")) * file.width() / file.height());
            return Math.max(1, pixels) + "px";
        }
        return "100vw";
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new java.util.HashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(tag);
        while (matcher.find()) {
            attributes.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        return attributes;
    }

    /** A path as written in HTML (percent-escapes, {@code &amp;}) as content-service lists it. */
    private static String decoded(String path) {
        try {
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return path;
        }
    }
}
