package be.biodiversity.portal.render.site;

import java.util.Locale;

/** Which addresses from content we link to: paths on this site, http(s) and mailto; nothing else. */
public final class SafeUrls {

    private SafeUrls() {
    }

    /** A link target, or null when it is not one we link to ({@code javascript:}, {@code data:}, ...). */
    public static String link(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return isSitePath(trimmed) || lower.startsWith("https://") || lower.startsWith("http://")
                || lower.startsWith("mailto:") ? trimmed : null;
    }

    /** An http(s) URL, such as an organisation's homepage; anything else is null. */
    public static String web(String url) {
        String link = link(url);
        return link == null || isSitePath(link) || link.toLowerCase(Locale.ROOT).startsWith("mailto:") ? null : link;
    }

    /** An image source: a path on this site or an http(s) URL. */
    public static String image(String url) {
        String link = link(url);
        return link == null || link.toLowerCase(Locale.ROOT).startsWith("mailto:") ? null : link;
    }

    public static boolean isSitePath(String url) {
        return url != null && url.startsWith("/") && !url.startsWith("//");
    }
}
