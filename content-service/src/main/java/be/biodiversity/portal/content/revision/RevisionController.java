package be.biodiversity.portal.content.revision;

import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/content/v1/revision}: the site revision, with an ETag so a poller can ask cheaply. */
@RestController
class RevisionController {

    private final SiteRevision revision;

    RevisionController(SiteRevision revision) {
        this.revision = revision;
    }

    @GetMapping("/api/content/v1/revision")
    Mono<ResponseEntity<SiteRevision.State>> current() {
        return revision.current().map(state -> ResponseEntity.ok()
                .eTag("\"" + state.revision() + "\"")
                .cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).mustRevalidate())
                .body(state));
    }
}
