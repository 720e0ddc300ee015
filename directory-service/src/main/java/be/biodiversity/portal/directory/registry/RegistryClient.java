package be.biodiversity.portal.directory.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import be.biodiversity.portal.directory.gbif.GbifClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The GBIF registry's organisations, through the one GBIF API client ({@link GbifClient}: timeouts, retries, circuit
 * breaker, cache). Lists are read page by page until {@code endOfRecords}.
 */
@Component
class RegistryClient {

    private final RegistryProperties properties;
    private final GbifClient gbif;

    RegistryClient(RegistryProperties properties, GbifClient gbif) {
        this.properties = properties;
        this.gbif = gbif;
    }

    /** Every organisation of the configured registry list ({@code portal.registry.query}). */
    Flux<RegistryOrganisation> organisations() {
        return organisations("/organization", properties.query());
    }

    /** Every organisation of a paged registry list such as {@code /organization?country=BE}. */
    Flux<RegistryOrganisation> organisations(String path, Map<String, String> query) {
        return page(path, query, 0)
                .expand(page -> page.last() || page.organisations().isEmpty() ? Mono.empty()
                        : page(path, query, offsetOf(page) + page.organisations().size()))
                .concatMapIterable(RegistryPage::organisations);
    }

    /** One organisation by its registry key. */
    Mono<RegistryOrganisation> organisation(String key) {
        return gbif.get(gbif.url("/organization/" + key, Map.of()), RegistryOrganisation.class);
    }

    /** The occurrence search's counts per publishing organisation for a query, such as {@code publishingCountry=BE}. */
    Mono<OccurrenceFacets> occurrenceCounts(Map<String, Object> query) {
        return gbif.get(gbif.url("/occurrence/search", query), OccurrenceFacets.class);
    }

    /** A GBIF node with its contacts. */
    Mono<RegistryNode> node(String key) {
        return gbif.get(gbif.url("/node/" + key, Map.of()), RegistryNode.class);
    }

    String location() {
        return location("/organization", properties.query());
    }

    String location(String path, Map<String, ?> query) {
        return gbif.url(path, query).toString();
    }

    private static long offsetOf(RegistryPage page) {
        return page.offset() == null ? 0 : page.offset();
    }

    private Mono<RegistryPage> page(String path, Map<String, String> query, long offset) {
        Map<String, Object> parameters = new LinkedHashMap<>(query);
        parameters.put("offset", offset);
        parameters.put("limit", properties.pageSize());
        return gbif.get(gbif.url(path, parameters), RegistryPage.class)
                .map(page -> page.offset() == null ? new RegistryPage(offset, page.limit(), page.endOfRecords(),
                        page.count(), page.results()) : page);
    }
}
