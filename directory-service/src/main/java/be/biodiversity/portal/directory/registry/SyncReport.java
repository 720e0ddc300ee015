package be.biodiversity.portal.directory.registry;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one publisher sync from the GBIF registry did, kept in the collection {@code registrySyncs} (the newest
 * {@code portal.registry.sync.keep-reports} per site).
 *
 * @param id          chronological (a MongoDB ObjectId in hex)
 * @param site        the site synced
 * @param trigger     {@code SCHEDULED} or {@code ON_DEMAND}
 * @param status      {@code COMPLETE}; {@code PARTIAL} when some sources failed; {@code UNREACHABLE} when GBIF could
 *                    not be reached at all (nothing changed)
 * @param message     the outcome in a sentence, with the time of the last good sync when GBIF failed
 * @param sources     each list or record asked, with what it gave or why it failed
 * @param received    organisations read from GBIF (each once)
 * @param created     new to the directory, as publishers
 * @param updated     known, with registry data that changed
 * @param unchanged   known, with the same registry data
 * @param rekeyed     organisations of the portal's own (seeded) that were recognised and moved to their GBIF key
 * @param failed      organisations left out, with the reason
 * @param notes       what an editor may want to check (an ambiguous match, for one)
 * @param people      the node's contacts merged into the people of the directory
 */
@Document("registrySyncs")
record SyncReport(@Id String id, @Indexed String site, Trigger trigger, Status status, String message,
        Instant startedAt, Instant finishedAt, List<Source> sources, long received, List<Created> created,
        long updated, long unchanged, List<Rekeyed> rekeyed, List<Failed> failed, List<String> notes,
        People people) {

    enum Trigger { SCHEDULED, ON_DEMAND }

    enum Status { COMPLETE, PARTIAL, UNREACHABLE }

    /** A list or record asked; {@code error} is null when it answered. */
    record Source(String url, long received, String error) {
    }

    record Created(String key, String title) {
    }

    /**
     * @param formerKey the portal's key before
     * @param key       the GBIF key now
     * @param matchedBy {@code KEY_MAPPING}, {@code TITLE} or {@code ABBREVIATION}
     */
    record Rekeyed(String formerKey, String key, String slug, String matchedBy) {
    }

    record Failed(String key, String reason) {
    }

    /** The node's contacts: new people, people who got a category, e-mail or roles, and people already as GBIF says. */
    record People(long received, long created, long updated, long unchanged) {

        static final People NONE = new People(0, 0, 0, 0);
    }
}
