package be.biodiversity.portal.content.literature;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one literature sync did, kept in MongoDB (the newest {@code keep-reports} per site).
 *
 * @param trigger   {@code schedule} or {@code editor}
 * @param status    how it ended; only {@code COMPLETE} may remove records
 * @param received  distinct records GBIF listed for the site's queries
 * @param missing   records synced before that GBIF no longer lists; {@code removed} of them were removed,
 *                  {@code kept} kept ({@code remove-missing})
 * @param failed    records GBIF listed that could not be stored (first ones in {@code failures}); stored copies stay
 */
@Document("literatureSyncReports")
@CompoundIndex(name = "site_startedAt", def = "{'site': 1, 'startedAt': -1}")
record SyncReport(@Id String id, String site, String trigger, Instant startedAt, Instant finishedAt, Status status,
        String message, List<String> queries, int received, int created, int updated, int unchanged, int missing,
        int removed, int kept, int failed, List<Failure> failures) {

    enum Status {
        /** every query read to its end */
        COMPLETE,
        /** a query found more than max-records: what was read is stored, nothing removed */
        TRUNCATED,
        /** GBIF could not be reached (or the circuit breaker is open): what was read before is stored, nothing removed */
        GBIF_UNAVAILABLE,
        /** GBIF refused a query (4xx), e.g. a filter it does not know: nothing removed */
        GBIF_REFUSED,
        /** no query is configured (portal.content.literature.sync.queries) */
        NOT_CONFIGURED
    }

    record Failure(String id, String field, String message) {
    }

    boolean changedRecords() {
        return created + updated + removed > 0;
    }
}
