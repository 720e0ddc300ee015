package be.biodiversity.portal.render.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the providers live and how long we wait for them. The site's languages and identity are not settings: they
 * come from content-service ({@code site/Sites}).
 *
 * @param content content-service (pages and their translations)
 * @param directory directory-service (organisations)
 * @param siteUrl public origin of the site (the gateway as visitors reach it), for canonical, hreflang, Open Graph,
 *     feed and sitemap URLs; unset: the site's own {@code url} ({@code _config.yml}), else {@code http://localhost:8080}
 */
@ConfigurationProperties("portal")
public record PortalProperties(Provider content, Provider directory, URI siteUrl) {

    /**
     * @param url base URL of the provider
     * @param connectTimeout how long to wait for a TCP connection
     * @param responseTimeout how long to wait for (each read of) the response
     * @param maxAnswerSize the largest answer read (a page, a listing of 1000 pages); default 32 MB
     */
    public record Provider(URI url, Duration connectTimeout, Duration responseTimeout, DataSize maxAnswerSize) {

        public Provider {
            maxAnswerSize = maxAnswerSize == null ? DataSize.ofMegabytes(32) : maxAnswerSize;
        }
    }

}
