package be.biodiversity.portal.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.security-headers.*}; an empty value leaves that header out.
 *
 * @param contentSecurityPolicy no inline script anywhere; inline style allowed, because hosted-portal pages carry
 *     their own {@code <style>} and {@code style=""} and content-service keeps them only after cleaning them (no
 *     {@code url()} to other sites, no {@code @import}, {@code expression}, {@code position: fixed}; a page's rules
 *     scoped to its content): what CSS can still do is limited to the look of that page's content; images may come from https sites (hero
 *     images and markdown images are external URLs); pages may frame only the video and map hosts content-service
 *     keeps iframes from ({@code portal.content.embed.allowed-hosts}: keep the two in step); nobody may frame the site
 */
@ConfigurationProperties("portal.security-headers")
record SecurityHeadersProperties(
        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-src https://youtube.com https://*.youtube.com https://youtube-nocookie.com "
                + "https://*.youtube-nocookie.com https://vimeo.com https://*.vimeo.com https://gbif.org https://*.gbif.org "
                + "https://openstreetmap.org https://*.openstreetmap.org https://google.com/maps/ https://*.google.com/maps/; "
                + "frame-ancestors 'none'") String contentSecurityPolicy,
        @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
        @DefaultValue("strict-origin-when-cross-origin") String referrerPolicy,
        @DefaultValue("camera=(), microphone=(), geolocation=(), interest-cohort=()") String permissionsPolicy) {
}
