package be.biodiversity.portal.directory.gbif;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How directory-service talks to the GBIF API ({@code portal.gbif.*}).
 *
 * @param apiUrl          the API's base, {@code https://api.gbif.org/v1}; paths such as {@code /organization} are
 *                        appended (the old {@code portal.registry.base-url} is read when this is not set)
 * @param userAgent       the {@code User-Agent} of every request: names the portal and where to reach it
 * @param connectTimeout  time to open a connection
 * @param responseTimeout time for a whole answer to arrive (one page)
 * @param retries         further attempts of a GET after a connection error, a timeout or a 5xx
 * @param retryBackoff    the wait before the first retry, doubled each time
 * @param cacheTtl        how long an answer is reused for the same query (0: not cached)
 * @param cacheSize       how many answers are kept at most
 * @param breaker         when to stop asking a GBIF that keeps failing
 */
@ConfigurationProperties("portal.gbif")
public record GbifProperties(@DefaultValue("https://api.gbif.org/v1") URI apiUrl,
        @DefaultValue("GBIF.be-portal/0.1 (+https://gbif.biodiversity.be)") String userAgent,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("3") int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("10m") Duration cacheTtl,
        @DefaultValue("1000") long cacheSize,
        @DefaultValue Breaker breaker) {

    /**
     * The circuit breaker: over the last {@code window} calls (at least {@code minimumCalls} of them), when
     * {@code failureRate} percent failed (connection error, timeout, 5xx after the retries), GBIF is not asked for
     * {@code openFor}; then a few calls test it again.
     */
    public record Breaker(@DefaultValue("10") int window, @DefaultValue("4") int minimumCalls,
            @DefaultValue("50") float failureRate, @DefaultValue("1m") Duration openFor) {
    }
}
