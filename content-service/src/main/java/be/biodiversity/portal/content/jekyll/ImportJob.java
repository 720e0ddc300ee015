package be.biodiversity.portal.content.jekyll;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import run in the background, as stored (collection {@code importJobs}, per site): its state, how far it came,
 * and its report once done. The report is kept as its JSON answer so that it reads back exactly as it was given.
 *
 * @param state         {@value #RUNNING}, {@value #DONE} or {@value #FAILED}
 * @param files         text files read from the repository
 * @param documents     pages, posts, data files and includes to store
 * @param written       of those, created, updated, unchanged or deleted so far
 * @param reportJson    the report (also of a failed strict import: what refused it); null while running
 * @param failureStatus the HTTP status the failure would have answered synchronously (409, 422, 500), or null
 * @param failure       what went wrong, or null
 */
@Document("importJobs")
record ImportJob(@Id String id, String site, String state, String source, String author, Instant startedAt,
        Instant finishedAt, int files, int documents, int written, String reportJson, Integer failureStatus,
        String failure) {

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
}
