package be.biodiversity.portal.content.page;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One step in the history of a page: who did what when, and the page as it was after (for a delete: before).
 * The snapshot is a plain document, so the page's unique indexes do not apply to the history.
 *
 * @param action {@code create}, {@code update}, {@code delete}, {@code restore} or {@code import}
 */
@Document("pageRevisions")
@CompoundIndex(name = "page_version", def = "{'pageId': 1, 'version': -1}")
public record PageRevision(@Id String id, String pageId, long version, String action, String author, Instant at,
        org.bson.Document snapshot) {

    /** The history entry without the snapshot, for listings. */
    record Entry(String pageId, long version, String action, String author, Instant at) {
    }

    Entry entry() {
        return new Entry(pageId, version, action, author, at);
    }
}
