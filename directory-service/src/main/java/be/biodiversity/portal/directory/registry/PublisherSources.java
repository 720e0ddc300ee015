package be.biodiversity.portal.directory.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.biodiversity.portal.directory.gbif.GbifException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Reads the site's publishers from the GBIF registry: the organisations in its country, those endorsed by its node,
 * and the partners named by key. Each source is read whole or counted as failed; an organisation found by several
 * sources is kept once.
 */
@Component
class PublisherSources {

    private final RegistryClient client;
    private final SyncProperties properties;

    PublisherSources(RegistryClient client, SyncProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** What the sources gave. */
    record Read(List<SyncReport.Source> sources, List<RegistryOrganisation> organisations, boolean unreachable,
            List<RegistryNode.Contact> nodeContacts) {

        /** Every source failed because GBIF could not be reached: nothing is to change. */
        boolean nothingRead() {
            return !sources.isEmpty() && sources.stream().allMatch(source -> source.error() != null);
        }
    }

    Mono<Read> read() {
        List<Mono<Outcome>> reads = new ArrayList<>();
        if (!properties.country().isBlank()) {
            reads.add(list("/organization", Map.of("country", properties.country().strip())));
        }
        if (!properties.nodeKey().isBlank()) {
            reads.add(list("/node/" + properties.nodeKey().strip() + "/organization", Map.of()));
        }
        properties.partners().stream().map(String::strip).filter(key -> !key.isEmpty()).distinct()
                .forEach(key -> reads.add(one(key)));
        if (!properties.nodeKey().isBlank()) {
            reads.add(node(properties.nodeKey().strip()));
        }
        return Flux.concat(reads).collectList().map(outcomes -> {
            Map<String, RegistryOrganisation> byKey = new LinkedHashMap<>();
            outcomes.forEach(outcome -> outcome.organisations().forEach(organisation ->
                    byKey.putIfAbsent(String.valueOf(organisation.key()), organisation)));
            return new Read(outcomes.stream().map(Outcome::source).toList(), List.copyOf(byKey.values()),
                    outcomes.stream().anyMatch(Outcome::unreachable),
                    outcomes.stream().flatMap(outcome -> outcome.contacts().stream()).toList());
        });
    }

    private record Outcome(SyncReport.Source source, List<RegistryOrganisation> organisations, boolean unreachable,
            List<RegistryNode.Contact> contacts) {

        Outcome(SyncReport.Source source, List<RegistryOrganisation> organisations, boolean unreachable) {
            this(source, organisations, unreachable, List.of());
        }
    }

    private Mono<Outcome> list(String path, Map<String, String> query) {
        String url = client.location(path, query);
        return client.organisations(path, query).collectList()
                .map(organisations -> new Outcome(new SyncReport.Source(url, organisations.size(), null),
                        organisations, false))
                .onErrorResume(error -> Mono.just(failed(url, error)));
    }

    private Mono<Outcome> one(String key) {
        String url = client.location("/organization/" + key, Map.of());
        return client.organisation(key)
                .map(organisation -> new Outcome(new SyncReport.Source(url, 1, null), List.of(organisation), false))
                .switchIfEmpty(Mono.fromSupplier(() -> new Outcome(new SyncReport.Source(url, 0,
                        "GBIF answered no organisation"), List.of(), false)))
                .onErrorResume(error -> Mono.just(failed(url, error)));
    }

    /** The node's contacts: its staff and delegates, for the people of the directory. */
    private Mono<Outcome> node(String key) {
        String url = client.location("/node/" + key, Map.of());
        return client.node(key)
                .map(node -> new Outcome(new SyncReport.Source(url, node.people().size(), null), List.of(), false,
                        node.people()))
                .switchIfEmpty(Mono.fromSupplier(() -> new Outcome(new SyncReport.Source(url, 0,
                        "GBIF answered no node"), List.of(), false)))
                .onErrorResume(error -> Mono.just(failed(url, error)));
    }

    private static Outcome failed(String url, Throwable error) {
        boolean unreachable = error instanceof GbifException gbif && gbif.unreachable();
        return new Outcome(new SyncReport.Source(url, 0, String.valueOf(error.getMessage())), List.of(), unreachable);
    }
}
