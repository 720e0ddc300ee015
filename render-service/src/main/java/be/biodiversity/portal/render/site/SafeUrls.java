package be.biodiversity.portal.render.site;

import java.util.Locale;

/**
 * The one URL policy: which addresses from content-service or directory-service we write into {@code href} or
 * {@code src} (markdown links and images, navigation, footer, buttons, hero images, homepages, logos, photos).
 * <p>
 * Allowed: {@code http:}, {@code https:} and {@code mailto:} URLs, and relative references that stay on this site
 * however a browser reads them. A browser strips leading and trailing spaces and control characters, removes tabs
 * and line breaks anywhere, and reads {@code \} as {@code /}: {@code "/\t/evil.example"} and {@code "/\evil.example"}
 * are {@code //evil.example} to it. So a URL with a control character (C0, DEL) or line break inside it is refused,
 * and a relative reference is refused when, with {@code \} read as {@code /}, it starts with {@code //}. Everything
 * else ({@code javascript:}, {@code data:}, {@code vbscript:}, unknown schemes) is refused: the caller shows plain
 * text or no link.
 */
public final class SafeUrls {

    private SafeUrls() {
    }

    /** A link target as it is to be written, or null when it is not one we link to. */
    public static String link(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = trim(url);
        if (trimmed.isEmpty() || hasControl(trimmed)) {
            return null;
        }
        String scheme = scheme(trimmed);
        if (scheme == null) {
            return isProtocolRelative(trimmed) ? null : trimmed;
        }
        return switch (scheme) {
            case "http", "https" -> trimmed.substring(scheme.length() + 1).replace('\\', '/').startsWith("//")
                    ? trimmed : null;
            case "mailto" -> trimmed;
            default -> null;
        };
    }

    /** An absolute http(s) URL, such as an organisation's homepage; anything else is null. */
    public static String web(String url) {
        String link = link(url);
        String scheme = link == null ? null : scheme(link);
        return "http".equals(scheme) || "https".equals(scheme) ? link : null;
    }

    /** An image source: an http(s) URL or a reference on this site; never {@code mailto:} or {@code data:}. */
    public static String image(String url) {
        String link = link(url);
        return link == null || "mailto".equals(scheme(link)) ? null : link;
    }

    /** A path on this site ({@code /nl/community}), as the policy allows it. */
    public static boolean isSitePath(String url) {
        String link = link(url);
        return link != null && link.startsWith("/");
    }

    /** As browsers do: leading and trailing C0 controls and spaces go. */
    private static String trim(String url) {
        int start = 0;
        int end = url.length();
        while (start < end && url.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && url.charAt(end - 1) <= ' ') {
            end--;
        }
        return url.substring(start, end);
    }

    /** C0 controls (tab, CR, LF, form feed, ...), DEL and the C1 controls, anywhere in the URL. */
    private static boolean hasControl(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < ' ' || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** The scheme in lower case, or null for a relative reference (no colon before the first / ? # or \). */
    private static String scheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i == 0 ? "" : url.substring(0, i).toLowerCase(Locale.ROOT);
            }
            if (c == '/' || c == '?' || c == '#' || c == '\\') {
                return null;
            }
        }
        return null;
    }

    private static boolean isProtocolRelative(String relative) {
        return relative.replace('\\', '/').startsWith("//");
    }
}
