package be.biodiversity.portal.content.literature;

import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.revision.SiteRevision;
import be.biodiversity.portal.content.web.RequestParams;
import be.biodiversity.portal.problems.Shown;

/**
 * Imports a page of GBIF's literature search ({@code {offset, limit, count, endOfRecords, results}}), upserting by
 * GBIF's id. All records are checked first: one bad record rejects the whole import and nothing is written.
 * A record that is already stored with the same content is left alone, so re-importing changes nothing.
 */
@Component
class LiteratureImport {

    static final int MAX_RECORDS = 10_000;

    private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s\"<>]+");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern DOWNLOAD_KEY = Pattern.compile("\\d{7}-\\d{15}");

    private final ReactiveMongoTemplate mongo;
    private final SiteRevision revision;
    private final LiteratureIndex index;

    LiteratureImport(ReactiveMongoTemplate mongo, SiteRevision revision, LiteratureIndex index) {
        this.mongo = mongo;
        this.revision = revision;
        this.index = index;
    }

    record Upload(List<LiteratureRecord> results) {
    }

    record Report(int received, int created, int updated, int unchanged) {
    }

    record Problem(String field, String message) {
    }

    static final class RejectedImport extends RuntimeException {

        private final transient List<Problem> problems;

        RejectedImport(List<Problem> problems) {
            super(problems.size() + " problem(s) in the upload; nothing was imported. First: "
                    + problems.get(0).field() + ": " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    /** An editor's upload. */
    Mono<Report> run(Upload upload) {
        return run(upload, LiteratureRecord.Origin.IMPORT);
    }

    Mono<Report> run(Upload upload, LiteratureRecord.Origin origin) {
        List<LiteratureRecord> records = upload == null || upload.results() == null ? null : upload.results();
        List<Problem> problems = check(records);
        if (!problems.isEmpty()) {
            return Mono.error(new RejectedImport(problems));
        }
        Instant now = Instant.now();
        return Flux.fromIterable(records)
                .concatMap(record -> store(record, origin, now))
                .collectList()
                .map(outcomes -> new Report(records.size(), count(outcomes, Outcome.CREATED),
                        count(outcomes, Outcome.UPDATED), count(outcomes, Outcome.UNCHANGED)))
                .flatMap(report -> report.unchanged() == report.received() ? Mono.just(report)
                        : revision.bump().thenReturn(report));
    }

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * Stores one checked record under GBIF's id: created, updated, or left alone when the stored one has the same
     * content and origin. Does not count a revision (the caller does, once).
     */
    Mono<Outcome> store(LiteratureRecord checked, LiteratureRecord.Origin origin, Instant now) {
        LiteratureRecord record = checked.from(origin);
        return mongo.findById(record.id(), LiteratureRecord.class)
                .flatMap(existing -> upsert(record, existing, now))
                .switchIfEmpty(Mono.defer(() -> mongo.insert(stored(record, null, now)).doOnNext(index::putNew)
                        .thenReturn(Outcome.CREATED)));
    }

    private Mono<Outcome> upsert(LiteratureRecord record, LiteratureRecord existing, Instant now) {
        if (existing.sameContentAs(record)) {
            return Mono.just(Outcome.UNCHANGED);
        }
        return mongo.save(stored(record, existing.version(), now)).doOnNext(index::put).thenReturn(Outcome.UPDATED);
    }

    /**
     * Brings this instance's search index in step with the store after records were removed by a query (the
     * change stream brings it too, a moment later; this makes the remover's own answers right at once).
     */
    Mono<Long> reindex() {
        return index.reload();
    }

    private static LiteratureRecord stored(LiteratureRecord record, Long version, Instant now) {
        List<String> authorNames = record.authors() == null ? List.of()
                : record.authors().stream().map(Author::fullName).toList();
        List<String> texts = Stream.concat(Stream.of(record.title(), record.abstractText(), record.source()),
                authorNames.stream()).toList();
        return record.imported().stored(SearchText.tokens(texts), version, now);
    }

    private static int count(List<Outcome> outcomes, Outcome which) {
        return (int) outcomes.stream().filter(which::equals).count();
    }

    static List<Problem> check(List<LiteratureRecord> records) {
        List<Problem> problems = new ArrayList<>();
        if (records == null) {
            problems.add(new Problem("results", "missing: expected GBIF's literature search shape {results: [...]}"));
            return problems;
        }
        if (records.size() > MAX_RECORDS) {
            problems.add(new Problem("results", records.size() + " records; at most " + MAX_RECORDS + " per upload"));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        int maxYear = Year.now().getValue() + 1;
        for (int i = 0; i < records.size(); i++) {
            LiteratureRecord r = records.get(i);
            String at = "results[" + i + "].";
            if (r == null) {
                problems.add(new Problem("results[" + i + "]", "is null"));
                continue;
            }
            if (r.id() == null || r.id().isBlank()) {
                problems.add(new Problem(at + "id", "is missing"));
            }
            else if (!RequestParams.isRecordId(r.id())) {
                problems.add(new Problem(at + "id", "'" + Shown.value(r.id()) + "' is not a record id (1 to 100 "
                        + "letters, digits, '.', '_', ':' or '-', starting with a letter or digit)"));
            }
            else if (!ids.add(r.id())) {
                problems.add(new Problem(at + "id", "'" + r.id() + "' appears twice in the upload"));
            }
            if (r.title() == null || r.title().isBlank()) {
                problems.add(new Problem(at + "title", "is missing"));
            }
            if (r.year() != null && (r.year() < 1500 || r.year() > maxYear)) {
                problems.add(new Problem(at + "year", r.year() + " is not between 1500 and " + maxYear));
            }
            if (r.literatureType() != null && !Vocabulary.LITERATURE_TYPES.contains(r.literatureType())) {
                problems.add(new Problem(at + "literatureType", "'" + r.literatureType() + "' is not a GBIF literature type"));
            }
            if (r.topics() != null) {
                r.topics().stream().filter(t -> !Vocabulary.TOPICS.contains(t)).findFirst().ifPresent(t -> problems
                        .add(new Problem(at + "topics", "'" + t + "' is not a GBIF literature topic")));
            }
            checkCountries(problems, at + "countriesOfResearcher", r.countriesOfResearcher());
            checkCountries(problems, at + "countriesOfCoverage", r.countriesOfCoverage());
            checkLinks(problems, at, r);
        }
        return problems;
    }

    /** What becomes a link on the portal must be one: an http(s) URL, a DOI, a GBIF download key. */
    private static void checkLinks(List<Problem> problems, String at, LiteratureRecord r) {
        if (r.websites() != null) {
            r.websites().stream().filter(w -> w == null || !WEB_URL.matcher(w).matches()).findFirst()
                    .ifPresent(w -> problems.add(new Problem(at + "websites", "'" + w + "' is not an http or https URL")));
        }
        String doi = r.identifiers() == null ? null : r.identifiers().get("doi");
        if (doi != null && !DOI.matcher(doi).matches()) {
            problems.add(new Problem(at + "identifiers.doi", "'" + doi + "' is not a DOI like 10.1234/abc"));
        }
        if (r.gbifDownloadKey() != null) {
            r.gbifDownloadKey().stream().filter(k -> k == null || !DOWNLOAD_KEY.matcher(k).matches()).findFirst()
                    .ifPresent(k -> problems.add(new Problem(at + "gbifDownloadKey",
                            "'" + k + "' is not a GBIF download key like 0001234-240101120000000")));
        }
    }

    private static void checkCountries(List<Problem> problems, String field, List<String> codes) {
        if (codes != null) {
            codes.stream().filter(c -> !Vocabulary.isCountry(c)).findFirst().ifPresent(c -> problems
                    .add(new Problem(field, "'" + c + "' is not a two-letter ISO 3166 country code")));
        }
    }
}
