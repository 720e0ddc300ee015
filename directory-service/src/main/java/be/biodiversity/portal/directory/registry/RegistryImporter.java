package be.biodiversity.portal.directory.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

import be.biodiversity.portal.directory.organisation.RegistryMerge;
import be.biodiversity.portal.directory.web.FieldProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Brings registry organisations into the directory. An uploaded page is all or nothing: one unusable record and
 * nothing is written. A harvest from the registry leaves unusable records out and names them in its report.
 */
@Component
class RegistryImporter {

    /** Upserts run a few at a time: MongoDB round trips overlap, the order of a page does not matter. */
    private static final int CONCURRENCY = 8;

    private final RegistryRecords records;
    private final RegistryMerge merge;
    private final RegistryClient client;

    RegistryImporter(RegistryRecords records, RegistryMerge merge, RegistryClient client) {
        this.records = records;
        this.merge = merge;
        this.client = client;
    }

    /** Imports an uploaded page; an unusable record is a 400 naming it ({@code results[3].email[0]}). */
    Mono<ImportReport> importPage(RegistryPage page) {
        List<RegistryOrganisation> organisations = page.organisations();
        List<RegistryRecords.Checked> checked = new ArrayList<>(organisations.size());
        for (int i = 0; i < organisations.size(); i++) {
            RegistryOrganisation organisation = organisations.get(i);
            if (organisation == null) {
                throw FieldProblem.badRequest("results[" + i + "]", "results[" + i + "] is null");
            }
            Optional<ImportReport.Rejected> problem = records.problem(organisation);
            if (problem.isPresent()) {
                String field = "results[" + i + "]." + problem.get().field();
                throw FieldProblem.badRequest(field, "Organisation " + i + " (key " + organisation.key() + "): "
                        + field + " " + problem.get().message() + "; nothing was imported");
            }
            checked.add(records.checked(organisation));
        }
        return write(Flux.fromIterable(checked), organisations.size(), List.of());
    }

    /** Harvests every page of the configured registry. */
    Mono<ImportReport> harvest() {
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        AtomicLongArray received = new AtomicLongArray(1);
        Flux<RegistryRecords.Checked> usable = client.organisations()
                .doOnNext(organisation -> received.incrementAndGet(0))
                .filter(organisation -> {
                    Optional<ImportReport.Rejected> problem = records.problem(organisation);
                    problem.ifPresent(rejected::add);
                    return problem.isEmpty();
                })
                .map(records::checked);
        return Mono.defer(() -> write(usable, -1, rejected))
                .map(report -> new ImportReport(received.get(0), report.inserted(), report.updated(),
                        report.unchanged(), List.copyOf(rejected)));
    }

    private Mono<ImportReport> write(Flux<RegistryRecords.Checked> checked, long received,
            List<ImportReport.Rejected> rejected) {
        AtomicLongArray outcomes = new AtomicLongArray(RegistryMerge.Outcome.values().length);
        return checked.flatMap(record -> merge.upsert(record.key(), record.data()), CONCURRENCY)
                .doOnNext(outcome -> outcomes.incrementAndGet(outcome.ordinal()))
                .then(Mono.fromSupplier(() -> new ImportReport(received,
                        outcomes.get(RegistryMerge.Outcome.INSERTED.ordinal()),
                        outcomes.get(RegistryMerge.Outcome.UPDATED.ordinal()),
                        outcomes.get(RegistryMerge.Outcome.UNCHANGED.ordinal()), rejected)));
    }
}
