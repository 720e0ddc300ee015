package be.biodiversity.portal.content.revision;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.InvalidFieldException;

/**
 * {@code GET /api/content/v1/changes?since=n}: which public paths changed after revision n. Public: it lists
 * paths of published pages only. The ETag is the current revision, so a poller that is up to date gets a 304
 * for the price of reading one document.
 */
@RestController
class ChangesController {

    private static final Pattern REVISION = Pattern.compile("\\d{1,18}");

    private final SiteRevision revision;
    private final ChangeFeed feed;

    ChangesController(SiteRevision revision, ChangeFeed feed) {
        this.revision = revision;
        this.feed = feed;
    }

    @GetMapping("/api/content/v1/changes")
    @Operation(summary = "Which public paths changed after a revision",
            description = "Entries with revision > since, oldest first: {revision, scope: page|site, lang, path, kind, "
                    + "removed}. scope page with removed true: the path no longer serves this content (deleted, "
                    + "unpublished, moved away); removed false: a published page was created or changed. scope site: "
                    + "something many pages depend on changed. At most 1000 entries an answer; more: true says to ask "
                    + "again with since = through. complete: false when the log no longer holds everything after "
                    + "since (the reader treats everything as changed). Lists only published pages' paths. ETag is "
                    + "the current revision (If-None-Match answers 304). 400 (field since) when since is not a whole "
                    + "number from 0 up.")
    Mono<ResponseEntity<Changes>> changes(
            @Parameter(description = "the revision the reader has seen; 0 for none", required = true)
            @RequestParam(required = false) String since,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        long from = parse(since);
        return revision.current().flatMap(state -> {
            String etag = "\"" + state.revision() + "\"";
            if (etag.equals(ifNoneMatch)) {
                return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(noStale())
                        .<Changes>build());
            }
            return feed.since(from).map(changes -> ResponseEntity.ok().eTag("\"" + changes.revision() + "\"")
                    .cacheControl(noStale()).body(changes));
        });
    }

    private static CacheControl noStale() {
        return CacheControl.maxAge(0, TimeUnit.SECONDS).mustRevalidate();
    }

    private static long parse(String since) {
        if (since == null || since.isEmpty()) {
            throw new InvalidFieldException("since", "is required: the revision the reader has seen (0 for none)");
        }
        if (!REVISION.matcher(since).matches()) {
            String shown = since.length() > 40 ? since.substring(0, 40) + "…" : since;
            throw new InvalidFieldException("since", "'" + shown + "' is not a revision: a whole number from 0 up");
        }
        return Long.parseLong(since);
    }
}
