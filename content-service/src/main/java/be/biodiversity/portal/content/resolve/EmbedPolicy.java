package be.biodiversity.portal.content.resolve;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;


/**
 * Which embedded content a page keeps: an {@code <iframe>} whose address is https (or protocol-relative) on an
 * {@link EmbedProperties#allowedHosts allowed host}; it is given {@code sandbox}, {@code loading="lazy"} and
 * {@code referrerpolicy}. Scripts, event handlers, other iframes, objects and embeds are removed, and
 * {@link #removals} says which, with their lines, for the import's report and {@code resolved.problems}.
 */
@Component
public class EmbedPolicy {

    /** What an allowed frame may do: run its own player, in its own origin, open links in a new tab. */
    static final String SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation";

    private final List<String> allowed;

    public EmbedPolicy(EmbedProperties properties) {
        this.allowed = properties.allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
    }

    static EmbedPolicy defaults() {
        return new EmbedPolicy(EmbedProperties.DEFAULTS);
    }

    /** The iframe address as it is kept ({@code //host} becomes {@code https://host}), or null when refused. */
    public String frameSource(String src) {
        if (src == null) {
            return null;
        }
        String url = src.strip();
        if (url.startsWith("//")) {
            url = "https:" + url;
        }
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            for (String entry : allowed) {
                int slash = entry.indexOf('/');
                String allowedHost = slash < 0 ? entry : entry.substring(0, slash);
                String prefix = slash < 0 ? "" : entry.substring(slash);
                boolean under = prefix.isEmpty() || path.equals(prefix)
                        || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
                if ((host.equals(allowedHost) || host.endsWith("." + allowedHost)) && under) {
                    return url;
                }
            }
            return null;
        }
        catch (java.net.URISyntaxException ex) {
            return null;
        }
    }

    public List<String> allowedHosts() {
        return allowed;
    }

    /**
     * What the page's sanitizing removes from this text (a page body after Liquid, or a source file), with the
     * line of each: scripts, event handlers, iframes from hosts not allowed, objects, embeds, script URLs.
     */
    public List<UnsafeMarkup.Removal> removals(String text) {
        return UnsafeMarkup.removals(text, src -> frameSource(src) != null);
    }
}
