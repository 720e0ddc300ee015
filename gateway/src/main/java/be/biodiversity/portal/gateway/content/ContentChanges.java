package be.biodiversity.portal.gateway.content;

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * content-service's change feed, {@code GET /api/content/v1/changes?since=n}: which public paths changed after
 * a site revision. The one call the gateway makes itself rather than routing it; through Boot's
 * {@link WebClient.Builder} (its codecs and connector), without observation: it is asked a few times a second and
 * would fill the traces.
 */
@Component
public class ContentChanges {

    static final String PATH = "/api/content/v1/changes";

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final WebClient client;

    ContentChanges(WebClient.Builder builder, @Value("${portal.content.url}") String contentUrl) {
        this.client = builder.baseUrl(contentUrl).observationRegistry(ObservationRegistry.NOOP).build();
    }

    /**
     * The changes after {@code since}; empty when content-service answered 304 to {@code etag} (nothing new).
     * Fails when content-service cannot be reached, is too slow or answers anything else.
     */
    public Mono<Answer> since(long since, String etag) {
        return this.client.get().uri(uri -> uri.path(PATH).queryParam("since", since).build())
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (etag != null) {
                        headers.setIfNoneMatch(etag);
                    }
                })
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED)) {
                        return response.releaseBody().then(Mono.empty());
                    }
                    String newTag = response.headers().asHttpHeaders().getFirst(HttpHeaders.ETAG);
                    return response.statusCode().is2xxSuccessful()
                            ? response.bodyToMono(Changes.class).map(changes -> new Answer(changes, newTag))
                            : response.createError();
                })
                .timeout(TIMEOUT);
    }

    /** One answer of the feed and its validator ({@code null} when content-service sent none). */
    public record Answer(Changes changes, String etag) {
    }

    /**
     * @param revision the current site revision
     * @param complete false when {@code since} was older than the oldest entry kept (or unknown): everything
     *     changed
     * @param changes the entries after {@code since}, oldest first
     * @param more more entries follow: ask again with {@code since} = {@code through}
     * @param through the revision this answer covers up to (0 when content-service does not say)
     */
    public record Changes(long revision, Boolean complete, List<Change> changes, Boolean more, Long through) {

        public Changes {
            // Absent is read the safe way: not complete (everything changed), nothing more.
            complete = Boolean.TRUE.equals(complete);
            changes = (changes == null) ? List.of() : List.copyOf(changes);
            more = Boolean.TRUE.equals(more);
            through = (through == null) ? 0L : through;
        }
    }

    /**
     * @param revision the revision that made the change
     * @param scope {@code page} (one path) or {@code site} (every page)
     * @param lang the page's language
     * @param path the page's permalink as stored and requested ({@code /nl/community})
     * @param kind {@code page} or {@code post} (a post's change also changes the listings: news, feed, sitemap)
     * @param removed the path no longer serves this content (deleted, unpublished, moved away)
     */
    public record Change(long revision, String scope, String lang, String path, String kind, Boolean removed) {

        public Change {
            removed = Boolean.TRUE.equals(removed);
        }

        /** One page's path changed; anything else (scope {@code site}, or unknown) concerns every page. */
        public boolean isPage() {
            return "page".equals(this.scope) && this.path != null && this.path.startsWith("/");
        }

        /** A post: the pages that list posts changed too. */
        public boolean isPost() {
            return "post".equals(this.kind);
        }
    }
}
