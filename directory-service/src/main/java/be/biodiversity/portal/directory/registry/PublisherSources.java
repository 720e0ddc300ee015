package be.biodiversity.portal.directory.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.biodiversity.portal.directory.gbif.GbifException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Reads the site's publishers from the GBIF registry: the organisations in its country, those endorsed by its node,
 * the partners named by key, the node's contacts, and how many occurrences each published (two facet queries of the
 * occurrence search, not one request per organisation). Each source is read whole or counted as failed; an
 * organisation found by several sources is kept once.
 */
@Component
class PublisherSources {

    /** More publishers than this in one count query and a missing one may just be beyond the facet's end. */
    static final int FACET_LIMIT = 1000;

    private final RegistryClient client;
    private final SyncProperties properties;

    PublisherSources(RegistryClient client, SyncProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** What the sources gave. */
    record Read(List<SyncReport.Source> sources, List<RegistryOrganisation> organisations, boolean unreachable,
            List<RegistryNode.Contact> nodeContacts, Occurrences occurrences) {

        /** Every source failed: nothing is to change. */
        boolean nothingRead() {
            return !sources.isEmpty() && sources.stream().allMatch(source -> source.error() != null);
        }
    }

    /**
     * Occurrence counts by organisation key. An organisation a successful count query covers (in the site's country,
     * or a partner) and that it does not list has none; for any other the count is unknown ({@code null}).
     */
    record Occurrences(Map<String, Long> counts, String country, boolean countryCovered, Set<String> keysCovered) {

        Long of(RegistryOrganisation organisation) {
            Long count = counts.get(organisation.key());
            if (count != null) {
                return count;
            }
            boolean covered = keysCovered.contains(organisation.key())
                    || countryCovered && country.equals(organisation.country());
            return covered ? Long.valueOf(0) : null;
        }
    }

    Mono<Read> read() {
        String country = properties.country().strip();
        List<String> partners = properties.partners().stream().map(String::strip).filter(key -> !key.isEmpty())
                .distinct().toList();
        List<Mono<Outcome>> reads = new ArrayList<>();
        if (!country.isEmpty()) {
            reads.add(list("/organization", Map.of("country", country)));
        }
        if (!properties.nodeKey().isBlank()) {
            reads.add(list("/node/" + properties.nodeKey().strip() + "/organization", Map.of()));
        }
        partners.forEach(key -> reads.add(one(key)));
        if (!properties.nodeKey().isBlank()) {
            reads.add(node(properties.nodeKey().strip()));
        }
        if (!country.isEmpty()) {
            reads.add(counts(Map.of("publishingCountry", country), Set.of(), true));
        }
        if (!partners.isEmpty()) {
            reads.add(counts(Map.of("publishingOrg", partners), Set.copyOf(partners), false));
        }
        return Flux.concat(reads).collectList().map(outcomes -> {
            Map<String, RegistryOrganisation> byKey = new LinkedHashMap<>();
            outcomes.forEach(outcome -> outcome.organisations().forEach(organisation ->
                    byKey.putIfAbsent(String.valueOf(organisation.key()), organisation)));
            Map<String, Long> counts = new HashMap<>();
            Set<String> keysCovered = new HashSet<>();
            boolean countryCovered = false;
            for (Outcome outcome : outcomes) {
                counts.putAll(outcome.counts());
                keysCovered.addAll(outcome.keysCovered());
                countryCovered |= outcome.countryCovered();
            }
            return new Read(outcomes.stream().map(Outcome::source).toList(), List.copyOf(byKey.values()),
                    outcomes.stream().anyMatch(Outcome::unreachable),
                    outcomes.stream().flatMap(outcome -> outcome.contacts().stream()).toList(),
                    new Occurrences(counts, country, countryCovered, keysCovered));
        });
    }

    private record Outcome(SyncReport.Source source, List<RegistryOrganisation> organisations, boolean unreachable,
            List<RegistryNode.Contact> contacts, Map<String, Long> counts, boolean countryCovered,
            Set<String> keysCovered) {

        static Outcome of(SyncReport.Source source, List<RegistryOrganisation> organisations) {
            return new Outcome(source, organisations, false, List.of(), Map.of(), false, Set.of());
        }
    }

    private Mono<Outcome> list(String path, Map<String, String> query) {
        String url = client.location(path, query);
        return client.organisations(path, query).collectList()
                .map(organisations -> Outcome.of(new SyncReport.Source(url, organisations.size(), null),
                        organisations))
                .onErrorResume(error -> Mono.just(failed(url, error)));
    }

    private Mono<Outcome> one(String key) {
        String url = client.location("/organization/" + key, Map.of());
        return client.organisation(key)
                .map(organisation -> Outcome.of(new SyncReport.Source(url, 1, null), List.of(organisation)))
                .switchIfEmpty(Mono.fromSupplier(() -> Outcome.of(new SyncReport.Source(url, 0,
                        "GBIF answered no organisation"), List.of())))
                .onErrorResume(error -> Mono.just(failed(url, error)));
    }

    /** The node's contacts: its staff and delegates, for the people of the directory. */
    private Mono<Outcome> node(String key) {
        String url = client.location("/node/" + key, Map.of());
        return client.node(key)
                .map(node -> new Outcome(new SyncReport.Source(url, node.people().size(), null), List.of(), false,
                        node.people(), Map.of(), false, Set.of()))
                .switchIfEmpty(Mono.fromSupplier(() -> Outcome.of(new SyncReport.Source(url, 0,
                        "GBIF answered no node"), List.of())))
                .onErrorResume(error -> Mono.just(failed(url, error)));
    }

    /** Occurrences per publishing organisation, in one facet query. */
    private Mono<Outcome> counts(Map<String, Object> filter, Set<String> keys, boolean country) {
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("limit", 0);
        query.put("facet", "publishingOrg");
        query.put("facetLimit", FACET_LIMIT);
        String url = client.location("/occurrence/search", query);
        return client.occurrenceCounts(query)
                .map(answer -> {
                    Map<String, Long> counts = answer.byOrganisation();
                    // A full facet may have left publishers out: then only the ones listed are known.
                    boolean complete = counts.size() < FACET_LIMIT;
                    return new Outcome(new SyncReport.Source(url, counts.size(), null), List.of(), false, List.of(),
                            counts, country && complete, complete ? keys : Set.of());
                })
                .switchIfEmpty(Mono.fromSupplier(() -> Outcome.of(new SyncReport.Source(url, 0,
                        "GBIF answered nothing"), List.of())))
                .onErrorResume(error -> Mono.just(failed(url, error)));
    }

    private static Outcome failed(String url, Throwable error) {
        boolean unreachable = error instanceof GbifException gbif && gbif.unreachable();
        return new Outcome(new SyncReport.Source(url, 0, String.valueOf(error.getMessage())), List.of(), unreachable,
                List.of(), Map.of(), false, Set.of());
    }
}
