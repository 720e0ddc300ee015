package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.config.WebClients;

/**
 * Follows content-service's site revision, a number that changes on every write. A cached page rendered at
 * the current revision is still right; one rendered at an older revision is rendered again.
 */
@Component
public class ContentRevision implements InitializingBean, DisposableBean {

    /** No revision known: content-service was never reached, or does not report one. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private static final Logger logger = LoggerFactory.getLogger(ContentRevision.class);

    private final WebClient http;
    private final Duration poll;
    private final AtomicReference<State> state = new AtomicReference<>(new State(UNKNOWN, Instant.EPOCH));
    private Disposable polling;

    record State(long revision, Instant readAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Revision(Long revision) {
    }

    ContentRevision(PortalProperties portal, PageCacheProperties cache) {
        this.http = WebClients.create(portal.content());
        this.poll = cache.revisionPoll();
    }

    /** The last revision read, or {@link #UNKNOWN} if none was read within a few polls. */
    long current() {
        State now = state.get();
        boolean recent = now.readAt().plus(poll.multipliedBy(8).plusSeconds(2)).isAfter(Instant.now());
        return recent ? now.revision() : UNKNOWN;
    }

    Mono<Long> read() {
        return http.get().uri("/api/content/v1/revision").retrieve().bodyToMono(Revision.class)
                .map(r -> r.revision() == null ? UNKNOWN : r.revision())
                .doOnNext(r -> state.set(new State(r, Instant.now())));
    }

    @Override
    public void afterPropertiesSet() {
        polling = Flux.interval(Duration.ZERO, poll)
                .onBackpressureDrop()
                .concatMap(tick -> read().onErrorResume(ex -> {
                    if (state.get().revision() != UNKNOWN) {
                        logger.debug("Cannot read the site revision: " + ex.getMessage());
                    }
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void destroy() {
        if (polling != null) {
            polling.dispose();
        }
    }
}
