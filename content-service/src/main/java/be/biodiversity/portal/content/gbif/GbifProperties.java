package be.biodiversity.portal.content.gbif;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How content-service reaches GBIF's public API. The circuit breaker's settings are resilience4j's own
 * ({@code resilience4j.circuitbreaker.instances.gbif.*}).
 *
 * @param apiUrl           the API's base URL (env PORTAL_GBIF_APIURL); a stub in tests
 * @param userAgent        sent with every request, naming the portal and how to reach its operators
 * @param connectTimeout   to open a connection
 * @param responseTimeout  the longest wait for the next bytes of an answer
 * @param retries          further attempts after a connection error or a 5xx (never after a timeout or a 4xx)
 * @param retryBackoff     the first pause before a retry, doubled each time
 * @param maxResponseBytes the largest answer read
 */
@ConfigurationProperties("portal.gbif")
public record GbifProperties(URI apiUrl, String userAgent, Duration connectTimeout, Duration responseTimeout,
        Integer retries, Duration retryBackoff, Integer maxResponseBytes) {

    public GbifProperties {
        apiUrl = apiUrl == null ? URI.create("https://api.gbif.org/v1") : apiUrl;
        userAgent = userAgent == null || userAgent.isBlank() ? "GBIF.be portal (content-service)" : userAgent;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
        retries = retries == null ? 2 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
        maxResponseBytes = maxResponseBytes == null ? 16 * 1024 * 1024 : maxResponseBytes;
    }
}
