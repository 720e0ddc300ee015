package be.biodiversity.portal.directory.registry;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What to harvest from the GBIF registry with {@code POST …/imports/registry/harvest}. Where GBIF is and how it is
 * asked (timeouts, retries) is {@code portal.gbif.*} ({@code gbif/GbifProperties}).
 *
 * @param enabled  harvesting allowed at all (off by default: an install decides to talk to GBIF)
 * @param query    extra query parameters of the list, such as {@code country=BE}
 * @param pageSize organisations per request (the registry allows up to 1000)
 */
@ConfigurationProperties("portal.registry")
record RegistryProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue Map<String, String> query,
        @DefaultValue("200") int pageSize) {
}
