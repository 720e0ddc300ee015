package be.biodiversity.portal.directory.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how to harvest organisations from the GBIF registry.
 *
 * @param enabled         harvesting allowed at all (off by default: an install decides to talk to GBIF)
 * @param baseUrl         the registry API, {@code /organization} is appended
 * @param query           extra query parameters of the list, such as {@code country=BE}
 * @param pageSize        organisations per request (the registry allows up to 1000)
 * @param connectTimeout  time to open a connection
 * @param responseTimeout time for one whole page to arrive
 * @param retries         further attempts of a page after a network error, a timeout, a 429 or a 5xx
 * @param retryBackoff    the wait before the first retry, doubled each time
 */
@ConfigurationProperties("portal.registry")
record RegistryProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("https://api.gbif.org/v1") URI baseUrl,
        @DefaultValue Map<String, String> query,
        @DefaultValue("200") int pageSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("3") int retries,
        @DefaultValue("1s") Duration retryBackoff) {
}
