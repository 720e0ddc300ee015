package be.biodiversity.portal.render.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.cache.AnswerCache;

/**
 * Reads organisations from directory-service ({@code /api/directory/v1/organisations}).
 */
public class DirectoryClient {

    /** One page of results is enough: Belgium has far fewer organisations in any role. */
    static final int LIMIT = 1000;

    private final WebClient http;

    private final AnswerCache answers;

    public DirectoryClient(WebClient http) {
        this(http, AnswerCache.NONE);
    }

    /** A client that uses the lists and counts it read again for a short, bounded time. */
    public DirectoryClient(WebClient http, AnswerCache answers) {
        this.http = http;
        this.answers = answers;
    }

    /** The organisations with a role (MEMBER, PARTNER, PUBLISHER); errors are passed on. */
    public Mono<List<Organisation>> organisations(String role) {
        return organisations(role, null);
    }

    /**
     * The organisations with a role and/or of a type ({@code FEDERAL_INSTITUTE}, {@code UNIVERSITY}, ...), the
     * first {@value #LIMIT}; a null filter is not applied. Errors are passed on.
     */
    public Mono<List<Organisation>> organisations(String role, String type) {
        return this.answers.directory("organisations " + role + " " + type, () -> this.http.get()
            .uri((uri) -> {
                uri.path("/api/directory/v1/organisations");
                if (role != null) {
                    uri.queryParam("role", "{role}");
                }
                if (type != null) {
                    uri.queryParam("type", "{type}");
                }
                return uri.queryParam("limit", LIMIT).build(variables("role", role, "type", type));
            })
            .retrieve()
            .bodyToMono(OrganisationPage.class)
            .map(OrganisationPage::items)
            .defaultIfEmpty(List.of()));
    }

    /** How many organisations have a role. */
    public Mono<Long> count(String role) {
        return this.answers.directory("count " + role, () -> this.http.get()
            .uri((uri) -> uri.path("/api/directory/v1/organisations").queryParam("role", "{role}")
                .queryParam("limit", 0).build(role))
            .retrieve()
            .bodyToMono(OrganisationPage.class)
            .map((page) -> (page.count() != null) ? page.count() : 0L));
    }

    /**
     * The people of a category ({@code NODE_STAFF}, {@code CONTACT}), by name, the first {@value #LIMIT};
     * {@code current} null gives current and former alike. Errors are passed on.
     */
    public Mono<List<Person>> people(String category, Boolean current) {
        return this.answers.directory("people " + category + " " + current, () -> this.http.get()
            .uri((uri) -> {
                uri.path("/api/directory/v1/people").queryParam("category", "{category}");
                if (current != null) {
                    uri.queryParam("current", current);
                }
                return uri.queryParam("limit", LIMIT).build(category);
            })
            .retrieve()
            .bodyToMono(PersonPage.class)
            .map(PersonPage::items)
            .defaultIfEmpty(List.of()));
    }

    private static Map<String, String> variables(String... namesAndValues) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                variables.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return variables;
    }

    /** A page of people; only what we read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PersonPage(List<Person> results) {

        List<Person> items() {
            return (this.results != null) ? this.results : List.of();
        }
    }

    /** The search filters a visitor may set; anything else in the page's URL is not passed on. */
    public static final List<String> FILTERS = List.of("q", "role", "type", "country");

    /**
     * A page of a search with the facet counts of role, type and country. A search directory-service refuses
     * (400) gives an {@link InvalidSearchException}; other failures are passed on.
     */
    public Mono<OrganisationPage> search(Map<String, List<String>> filters, long offset, int limit) {
        return this.http.get()
            .uri((uri) -> {
                Map<String, String> values = new HashMap<>();
                uri.path("/api/directory/v1/organisations");
                FILTERS.forEach((name) -> filters.getOrDefault(name, List.of())
                    .stream()
                    .filter((value) -> !value.isBlank())
                    .forEach((value) -> {
                        String variable = "v" + values.size();
                        values.put(variable, value);
                        uri.queryParam(name, "{" + variable + "}");
                    }));
                return uri.queryParam("facet", "role", "type", "country").queryParam("offset", offset)
                    .queryParam("limit", limit).build(values);
            })
            .exchangeToMono((response) -> {
                if (response.statusCode().value() == 400) {
                    return response.bodyToMono(Problem.class)
                        .defaultIfEmpty(new Problem(null, null))
                        .flatMap((problem) -> Mono.error(new InvalidSearchException(problem.field(), problem.detail())));
                }
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(OrganisationPage.class);
                }
                return response.createError();
            });
    }

    /** One organisation; empty if the directory has none with that key, or refuses it as no key (400). */
    public Mono<Organisation> organisation(String key) {
        return this.http.get()
            .uri("/api/directory/v1/organisations/{key}", key)
            .exchangeToMono((response) -> {
                if (response.statusCode().value() == 404 || response.statusCode().value() == 400) {
                    return response.releaseBody().then(Mono.empty());
                }
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(Organisation.class);
                }
                return response.createError();
            });
    }

    /** A page of organisations, with facets when asked; only what we read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganisationPage(Long count, List<Organisation> results, List<Facet> facets) {

        public long total() {
            return (this.count != null) ? this.count : items().size();
        }

        public List<Organisation> items() {
            return (this.results != null) ? this.results : List.of();
        }

        public List<Facet> facetList() {
            return (this.facets != null) ? this.facets : List.of();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facet(String field, List<Count> counts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Count(String name, long count) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String field, String detail) {
    }

    /** directory-service refused the search; {@code field} names the parameter at fault. */
    public static class InvalidSearchException extends RuntimeException {

        private final String field;

        InvalidSearchException(String field, String detail) {
            super((detail != null) ? detail : "invalid search");
            this.field = field;
        }

        public String field() {
            return this.field;
        }
    }

}
