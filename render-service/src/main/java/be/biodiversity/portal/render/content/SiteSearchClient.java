package be.biodiversity.portal.render.content;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

/** Reads content-service's site search ({@code GET /api/content/v1/search}); never cached, every query differs. */
public class SiteSearchClient {

    private final WebClient http;

    public SiteSearchClient(WebClient http) {
        this.http = http;
    }

    /**
     * One page of the published pages and posts of a language matching {@code q}. A query content-service refuses
     * (400) finds nothing; any other failure is a {@link ContentUnavailableException}.
     */
    public Mono<Results> search(String q, String lang, long offset, int limit) {
        return http.get()
                .uri(uri -> uri.path("/api/content/v1/search").queryParam("q", "{q}").queryParam("lang", "{lang}")
                        .queryParam("offset", offset).queryParam("limit", limit).build(q, lang))
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
                        return response.releaseBody().thenReturn(Results.NONE);
                    }
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(Results.class);
                    }
                    return response.createError();
                })
                .onErrorMap(ContentUnavailableException::new);
    }

    /** A page of results; only what we read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Results(Long count, List<Hit> results) {

        static final Results NONE = new Results(0L, List.of());

        public long total() {
            return count == null ? items().size() : count;
        }

        public List<Hit> items() {
            return results == null ? List.of() : results;
        }
    }

    /** One page or post: {@code snippet} is HTML (escaped text with {@code <mark>}), still checked before use. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hit(String kind, String lang, String permalink, String title, String description, Instant date,
            String snippet) {

        public boolean isPost() {
            return "post".equals(kind);
        }
    }
}
