package be.biodiversity.portal.content.data;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One step in the history of a data file, with its text as it was after the step (for a delete: before). */
@Document("siteDataRevisions")
record DataRevision(@Id String id, @Indexed String dataId, long version, String action, String author, Instant at,
        org.bson.Document snapshot) {

    record Entry(String dataId, long version, String action, String author, Instant at) {
    }

    Entry entry() {
        return new Entry(dataId, version, action, author, at);
    }
}
