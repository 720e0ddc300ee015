package be.biodiversity.portal.content.revision;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one revision changed: one document per revision in {@code siteChanges}, {@code _id} = the revision.
 * Revisions are numbered by one sequence for the whole deployment, so a second site takes other numbers and
 * never collides; {@code site} says whose change it is and readers skip other sites' revisions.
 *
 * @param changes empty for a write nothing public depends on (a draft)
 */
@Document(ChangeRecord.COLLECTION)
record ChangeRecord(@Id long revision, String site, Instant at, List<Change> changes) {

    static final String COLLECTION = "siteChanges";

    /** The one site there is today (see shared/MULTISITE.md); the key requests will carry later. */
    static final String DEFAULT_SITE = "default";

    ChangeRecord {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
