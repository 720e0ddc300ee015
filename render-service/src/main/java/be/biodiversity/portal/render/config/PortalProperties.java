package be.biodiversity.portal.render.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the providers live, how long we wait for them, and which languages the site speaks.
 *
 * @param content content-service (pages and their translations)
 * @param directory directory-service (organisations)
 * @param languages the site's languages
 * @param siteUrl public origin of the site (the gateway), used for canonical and hreflang links
 */
@ConfigurationProperties("portal")
public record PortalProperties(Provider content, Provider directory, Languages languages, URI siteUrl) {

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

    /**
     * @param defaultLanguage served without a path prefix ({@code /community})
     * @param others served under their own prefix ({@code /nl/community}, {@code /fr/community})
     */
    public record Languages(String defaultLanguage, List<String> others) {
    }

}
