package be.biodiversity.portal.render.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.cache.AnswerCache;

/** Reads literature from content-service ({@code /api/content/v1/literature}). */
public class LiteratureClient {

    /** The search parameters a visitor may set; anything else in the page's URL is not passed on. */
    public static final List<String> FILTERS = List.of("q", "year", "literatureType", "topics",
            "countriesOfCoverage", "openAccess", "peerReview");

    private final WebClient http;
    private final AnswerCache answers;

    public LiteratureClient(WebClient http) {
        this(http, AnswerCache.NONE);
    }

    public LiteratureClient(WebClient http, AnswerCache answers) {
        this.http = http;
        this.answers = answers;
    }

    /** How many records there are (the stats block); kept while the site revision stays the same. */
    public Mono<Long> count() {
        return answers.content("literature count", () -> search(Map.of(), 0, 0).map(LiteratureResults::total));
    }

    /**
     * One page of results. A search content-service refuses (400) gives an {@link InvalidSearchException}
     * naming the parameter; any other failure a {@link ContentUnavailableException}.
     */
    public Mono<LiteratureResults> search(Map<String, List<String>> filters, long offset, int limit) {
        return http.get()
                .uri(uri -> {
                    // Each value goes in as a URI variable, so it is encoded whatever characters it holds.
                    Map<String, String> values = new HashMap<>();
                    uri.path("/api/content/v1/literature");
                    FILTERS.forEach(name -> filters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank())
                            .forEach(value -> {
                                String variable = "v" + values.size();
                                values.put(variable, value);
                                uri.queryParam(name, "{" + variable + "}");
                            }));
                    uri.queryParam("offset", offset).queryParam("limit", limit);
                    return uri.build(values);
                })
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
                        return response.bodyToMono(Problem.class).defaultIfEmpty(new Problem(null, null))
                                .flatMap(problem -> Mono.error(new InvalidSearchException(problem.field(),
                                        problem.detail())));
                    }
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(LiteratureResults.class);
                    }
                    return response.createError();
                })
                .onErrorMap(ex -> !(ex instanceof InvalidSearchException), ContentUnavailableException::new);
    }

    /** One record; empty if content-service has none with that id, or refuses it as no record's id (400). */
    public Mono<Literature> record(String id) {
        return http.get().uri("/api/content/v1/literature/{id}", id)
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)
                            || response.statusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
                        return response.releaseBody().then(Mono.empty());
                    }
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(Literature.class);
                    }
                    return response.createError();
                })
                .onErrorMap(ContentUnavailableException::new);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String field, String detail) {
    }

    /** content-service refused the search; {@code field} names the parameter at fault. */
    public static class InvalidSearchException extends RuntimeException {

        private final String field;

        InvalidSearchException(String field, String detail) {
            super(detail == null ? "invalid search" : detail);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
