package be.biodiversity.portal.render.directory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Reads organisations from directory-service ({@code /api/directory/v1/organisations}).
 */
public class DirectoryClient {

    /** One page of results is enough: Belgium has far fewer organisations in any role. */
    static final int LIMIT = 1000;

    private final WebClient http;

    public DirectoryClient(WebClient http) {
        this.http = http;
    }

    /** The organisations with a role (MEMBER, PARTNER, PUBLISHER); errors are passed on. */
    public Mono<List<Organisation>> organisations(String role) {
        return this.http.get()
            .uri((uri) -> uri.path("/api/directory/v1/organisations")
                .queryParam("role", "{role}")
                .queryParam("limit", LIMIT)
                .build(role))
            .retrieve()
            .bodyToMono(OrganisationPage.class)
            .map((page) -> (page.results() != null) ? page.results() : List.<Organisation>of())
            .defaultIfEmpty(List.of());
    }

    /** How many organisations have a role. */
    public Mono<Long> count(String role) {
        return this.http.get()
            .uri((uri) -> uri.path("/api/directory/v1/organisations").queryParam("role", "{role}")
                .queryParam("limit", 0).build(role))
            .retrieve()
            .bodyToMono(OrganisationPage.class)
            .map((page) -> (page.count() != null) ? page.count() : 0L);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganisationPage(Long count, List<Organisation> results) {
    }

}
