package be.biodiversity.portal.content.resolve;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.content.embed.*}: where a page's {@code <iframe>} may come from.
 *
 * @param allowedHosts hosts (a subdomain counts: {@code youtube.com} takes {@code www.youtube.com}), each with an
 *                     optional path prefix ({@code google.com/maps}); an iframe from anywhere else is removed and
 *                     reported. Keep the gateway's CSP {@code frame-src} in step.
 */
@ConfigurationProperties("portal.content.embed")
public record EmbedProperties(List<String> allowedHosts) {

    public static final List<String> DEFAULT_HOSTS = List.of("youtube.com", "youtube-nocookie.com", "vimeo.com",
            "gbif.org", "openstreetmap.org", "google.com/maps");

    public static final EmbedProperties DEFAULTS = new EmbedProperties(null);

    public EmbedProperties {
        allowedHosts = allowedHosts == null ? DEFAULT_HOSTS : List.copyOf(allowedHosts);
    }
}
