package be.biodiversity.portal.directory.organisation;

import java.net.URI;
import java.util.List;

import be.biodiversity.portal.directory.web.RequestParams;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organisation API, version 1. Writes pass the editor token check of {@code EditorTokenFilter} first. */
@RestController
@RequestMapping(OrganisationController.PATH)
class OrganisationController {

    static final String PATH = "/api/directory/v1/organisations";

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    /** Searches and lists: every parameter is optional; see the README for their meaning. */
    @GetMapping
    Mono<OrganisationPage> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String role, @RequestParam(required = false) String type,
            @RequestParam(required = false) String country, @RequestParam(required = false) String endorsed,
            @RequestParam(required = false) String sort, @RequestParam(required = false) List<String> facet,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + OrganisationQuery.DEFAULT_LIMIT) int limit) {
        return Mono.fromCallable(() -> OrganisationQuery.parse(q, role, type, country, endorsed, sort, facet,
                offset, limit)).flatMap(organisations::search);
    }

    @GetMapping("/{key}")
    Mono<OrganisationResponse> byKey(@PathVariable String key) {
        RequestParams.key("key", key);
        return organisations.byKeyOrFormerKey(key).map(OrganisationResponse::of);
    }

    @GetMapping("/slug/{slug}")
    Mono<OrganisationResponse> bySlug(@PathVariable String slug) {
        RequestParams.slug(slug);
        return organisations.bySlug(slug).map(OrganisationResponse::of);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<OrganisationResponse>> create(@Valid @RequestBody OrganisationRequest request) {
        return organisations.create(request)
                .map(created -> ResponseEntity.created(URI.create(PATH + "/" + created.key()))
                        .body(OrganisationResponse.of(created)));
    }

    @PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<OrganisationResponse> update(@PathVariable String key, @Valid @RequestBody OrganisationRequest request) {
        RequestParams.update(key, request.key(), request.version());
        return organisations.update(key, request).map(OrganisationResponse::of);
    }

    @DeleteMapping("/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String key) {
        RequestParams.key("key", key);
        return organisations.delete(key);
    }
}
