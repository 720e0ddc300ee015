package be.biodiversity.portal.directory.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import be.biodiversity.portal.directory.organisation.OrganisationService;
import be.biodiversity.portal.directory.organisation.RegistryLinks;
import be.biodiversity.portal.directory.organisation.RegistryMerge;
import be.biodiversity.portal.directory.people.NodePeople;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Syncs the site's publishers from the GBIF registry into the directory and reports what it did. An organisation
 * the directory knows by its GBIF key gets the registry's data (its portal fields stay); one the portal seeded with a
 * key of its own is recognised — by the configured key mapping, else by a title or an abbreviation that only it
 * matches — and moved to its GBIF key; any other becomes a new publisher. Nothing is ever removed; when GBIF cannot be
 * reached nothing changes, and the report says so. Running it twice gives the same directory.
 */
@Component
class RegistrySync {

    private final PublisherSources sources;
    private final RegistryRecords records;
    private final RegistryMerge merge;
    private final RegistryLinks links;
    private final OrganisationService organisations;
    private final SyncReports reports;
    private final SyncProperties properties;
    private final OutageLog outages;
    private final NodePeople people;
    private final Validator validator;
    private final Map<String, Object> running = new ConcurrentHashMap<>();

    RegistrySync(PublisherSources sources, RegistryRecords records, RegistryMerge merge, RegistryLinks links,
            OrganisationService organisations, SyncReports reports, SyncProperties properties, OutageLog outages,
            NodePeople people, Validator validator) {
        this.sources = sources;
        this.records = records;
        this.merge = merge;
        this.links = links;
        this.organisations = organisations;
        this.reports = reports;
        this.properties = properties;
        this.outages = outages;
        this.people = people;
        this.validator = validator;
    }

    /**
     * Runs one sync and keeps its report; a 409 when one is running for the site already. The sync runs to its end
     * even when the caller goes away (an editor's request that times out): its report is kept all the same.
     */
    Mono<SyncReport> run(SyncReport.Trigger trigger) {
        return Mono.defer(() -> Mono.fromFuture(start(trigger).toFuture(), true));
    }

    private Mono<SyncReport> start(SyncReport.Trigger trigger) {
        String site = properties.site();
        Object token = new Object();
        return Mono.defer(() -> {
            if (running.putIfAbsent(site, token) != null) {
                return Mono.error(new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(
                        HttpStatus.CONFLICT, "A sync from the GBIF registry is running; try again when it is done"),
                        null));
            }
            Instant started = now();
            return sources.read()
                    .flatMap(read -> read.nothingRead() ? unreachable(site, trigger, started, read)
                            : apply(read).map(tally -> tally.report(site, trigger, started, read)))
                    .flatMap(reports::save)
                    .doOnNext(report -> outages.record(report, properties.interval()))
                    // Not running any more before the report is handed over: the caller may start the next at once.
                    .doOnNext(report -> running.remove(site, token))
                    .doFinally(signal -> running.remove(site, token));
        });
    }

    private Mono<SyncReport> unreachable(String site, SyncReport.Trigger trigger, Instant started,
            PublisherSources.Read read) {
        return reports.lastGood(site).map(last -> "the directory keeps the data of the last good sync ("
                        + last.finishedAt() + ")")
                .defaultIfEmpty("the directory keeps its data (no sync has reached GBIF yet)")
                .map(kept -> new SyncReport(new ObjectId().toHexString(), site, trigger,
                        SyncReport.Status.UNREACHABLE, "GBIF could not be reached (" + read.sources().get(0).error()
                                + "); nothing was changed: " + kept + ".",
                        started, now(), read.sources(), 0, List.of(), 0, 0, List.of(), List.of(), List.of(),
                        SyncReport.People.NONE));
    }

    private Mono<Tally> apply(PublisherSources.Read read) {
        Tally tally = new Tally(read.organisations().size());
        return links.unlinked().collectList().map(ArrayList::new)
                .flatMapMany(unlinked -> Flux.fromIterable(read.organisations())
                        .concatMap(organisation -> one(organisation, unlinked, read.occurrences(), tally)
                                .onErrorResume(error -> {
                                    tally.failed.add(new SyncReport.Failed(organisation.key(),
                                            "could not be written: " + error.getMessage()));
                                    return Mono.empty();
                                })))
                .thenMany(Flux.fromIterable(read.nodeContacts()).concatMap(contact -> person(contact, tally)))
                .then(Mono.just(tally));
    }

    private Mono<Void> person(RegistryNode.Contact contact, Tally tally) {
        NodePeople.NodeContact person = contact.asPerson();
        tally.peopleReceived++;
        Set<ConstraintViolation<NodePeople.NodeContact>> problems = validator.validate(person);
        if (!problems.isEmpty()) {
            ConstraintViolation<NodePeople.NodeContact> first = problems.iterator().next();
            tally.failed.add(new SyncReport.Failed(null, "node contact '" + person.name() + "': "
                    + first.getPropertyPath() + " " + first.getMessage()));
            return Mono.empty();
        }
        return people.merge(person).doOnNext(tally::count)
                .onErrorResume(error -> {
                    tally.failed.add(new SyncReport.Failed(null, "node contact '" + person.name()
                            + "' could not be written: " + error.getMessage()));
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> one(RegistryOrganisation organisation, List<RegistryLinks.Unlinked> unlinked,
            PublisherSources.Occurrences occurrences, Tally tally) {
        Optional<ImportReport.Rejected> problem = records.problem(organisation);
        if (problem.isPresent()) {
            tally.failed.add(new SyncReport.Failed(organisation.key(),
                    problem.get().field() + " " + problem.get().message()));
            return Mono.empty();
        }
        RegistryRecords.Checked checked = records.checked(organisation);
        RegistryRecords.Checked record = new RegistryRecords.Checked(checked.key(),
                checked.data().withOccurrences(occurrences.of(organisation)));
        return organisations.exists(record.key()).flatMap(known -> {
            if (known) {
                return merge.upsert(record.key(), record.data()).doOnNext(tally::count).then();
            }
            Optional<Match> match = match(organisation, unlinked, tally);
            if (match.isPresent()) {
                unlinked.remove(match.get().organisation());
                return links.rekey(match.get().organisation().key(), record.key(), record.data())
                        .then(Mono.fromRunnable(() -> tally.rekeyed.add(new SyncReport.Rekeyed(
                                match.get().organisation().key(), record.key(), match.get().organisation().slug(),
                                match.get().by()))));
            }
            return merge.upsert(record.key(), record.data())
                    .doOnNext(outcome -> {
                        if (outcome == RegistryMerge.Outcome.INSERTED) {
                            tally.created.add(new SyncReport.Created(record.key(), organisation.title()));
                        }
                        else {
                            tally.count(outcome);
                        }
                    })
                    .then();
        });
    }

    private record Match(RegistryLinks.Unlinked organisation, String by) {
    }

    /** The seeded organisation this registry organisation is, if exactly one fits. */
    private Optional<Match> match(RegistryOrganisation organisation, List<RegistryLinks.Unlinked> unlinked,
            Tally tally) {
        for (var mapping : properties.keys().entrySet()) {
            if (mapping.getValue().equals(organisation.key())) {
                Optional<RegistryLinks.Unlinked> mapped = unlinked.stream()
                        .filter(candidate -> candidate.slug().equals(mapping.getKey())).findFirst();
                if (mapped.isPresent()) {
                    return Optional.of(new Match(mapped.get(), "KEY_MAPPING"));
                }
            }
        }
        Set<String> mappedSlugs = properties.keys().keySet();
        List<RegistryLinks.Unlinked> open = unlinked.stream()
                .filter(candidate -> !mappedSlugs.contains(candidate.slug())).toList();
        String title = organisation.title().strip();
        List<RegistryLinks.Unlinked> byTitle = open.stream()
                .filter(candidate -> candidate.names().stream().anyMatch(name -> name.strip().equalsIgnoreCase(title)))
                .toList();
        if (byTitle.size() == 1) {
            return Optional.of(new Match(byTitle.get(0), "TITLE"));
        }
        String abbreviation = organisation.abbreviation() == null ? "" : organisation.abbreviation().strip();
        List<RegistryLinks.Unlinked> byAbbreviation = abbreviation.isEmpty() ? List.of() : open.stream()
                .filter(candidate -> abbreviation.equalsIgnoreCase(candidate.acronym())).toList();
        if (byTitle.isEmpty() && byAbbreviation.size() == 1) {
            return Optional.of(new Match(byAbbreviation.get(0), "ABBREVIATION"));
        }
        if (byTitle.size() > 1 || byAbbreviation.size() > 1) {
            tally.notes.add("GBIF organisation " + organisation.key() + " ('" + title + "') fits several organisations "
                    + "of the portal (" + String.join(", ", (byTitle.size() > 1 ? byTitle : byAbbreviation).stream()
                            .map(RegistryLinks.Unlinked::slug).toList()) + "); it was added as a new publisher. Map it "
                    + "with portal.registry.sync.keys.<slug>=" + organisation.key() + " to link one instead.");
        }
        return Optional.empty();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What a sync did so far; organisations are handled one at a time, so plain lists do. */
    private static final class Tally {

        final long received;
        final List<SyncReport.Created> created = Collections.synchronizedList(new ArrayList<>());
        final List<SyncReport.Rekeyed> rekeyed = Collections.synchronizedList(new ArrayList<>());
        final List<SyncReport.Failed> failed = Collections.synchronizedList(new ArrayList<>());
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());
        long updated;
        long unchanged;
        long peopleReceived;
        final long[] people = new long[NodePeople.Outcome.values().length];

        Tally(long received) {
            this.received = received;
        }

        synchronized void count(RegistryMerge.Outcome outcome) {
            switch (outcome) {
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case INSERTED -> { }
            }
        }

        synchronized void count(NodePeople.Outcome outcome) {
            people[outcome.ordinal()]++;
        }

        synchronized SyncReport report(String site, SyncReport.Trigger trigger, Instant started,
                PublisherSources.Read read) {
            long failedSources = read.sources().stream().filter(source -> source.error() != null).count();
            SyncReport.Status status = failedSources == 0 ? SyncReport.Status.COMPLETE : SyncReport.Status.PARTIAL;
            String message = (failedSources == 0 ? "Synced " + received + " organisations from GBIF"
                    : failedSources + " of " + read.sources().size() + " GBIF sources failed; the " + received
                            + " organisations of the others were synced, nothing was removed")
                    + ": " + created.size() + " created, " + updated + " updated, " + unchanged + " unchanged, "
                    + rekeyed.size() + " moved to their GBIF key, " + failed.size() + " failed.";
            return new SyncReport(new ObjectId().toHexString(), site, trigger, status, message, started, now(),
                    read.sources(), received, List.copyOf(created), updated, unchanged, List.copyOf(rekeyed),
                    List.copyOf(failed), List.copyOf(notes), new SyncReport.People(peopleReceived,
                            people[NodePeople.Outcome.CREATED.ordinal()], people[NodePeople.Outcome.UPDATED.ordinal()],
                            people[NodePeople.Outcome.UNCHANGED.ordinal()]));
        }
    }
}
