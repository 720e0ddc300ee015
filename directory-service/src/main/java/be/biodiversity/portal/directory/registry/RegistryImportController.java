package be.biodiversity.portal.directory.registry;

import be.biodiversity.portal.directory.web.FieldProblem;
import be.biodiversity.portal.problems.JsonPaths;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports from the GBIF registry: an uploaded page of its organisation list, or a harvest of the configured one. */
@RestController
@RequestMapping(RegistryImportController.PATH)
class RegistryImportController {

    static final String PATH = "/api/directory/v1/imports/registry";

    private final RegistryImporter importer;
    private final RegistryProperties properties;
    private final RegistryClient client;
    private final JsonMapper json;

    RegistryImportController(RegistryImporter importer, RegistryProperties properties, RegistryClient client,
            JsonMapper json) {
        this.importer = importer;
        this.properties = properties;
        this.client = client;
        this.json = json;
    }

    /** One page as the registry answers it ({@code {offset, limit, endOfRecords, count, results}}), as a file. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ImportReport> upload(@RequestBody byte[] body) {
        return Mono.fromCallable(() -> parse(body)).flatMap(importer::importPage);
    }

    @PostMapping("/harvest")
    Mono<ImportReport> harvest() {
        if (!properties.enabled()) {
            return Mono.error(new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "Harvesting the GBIF registry is off: set portal.registry.enabled=true "
                            + "(PORTAL_REGISTRY_ENABLED)"), null));
        }
        return importer.harvest().onErrorMap(ex -> !(ex instanceof ErrorResponseException),
                ex -> new ErrorResponseException(HttpStatus.BAD_GATEWAY, ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_GATEWAY, "Harvesting " + client.location() + " failed: " + ex.getMessage()
                                + ". Organisations of the pages read before were imported; run it again."), ex));
    }

    private RegistryPage parse(byte[] body) {
        RegistryPage page;
        try {
            page = json.readValue(body, RegistryPage.class);
        }
        catch (JacksonException ex) {
            TokenStreamLocation at = ex.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String field = JsonPaths.of(ex);
            String detail = where + (field.isEmpty() ? "the body is not valid JSON"
                    : "'" + field + "' has a value of the wrong type") + "; nothing was imported";
            throw field.isEmpty() ? new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), ex)
                    : FieldProblem.badRequest(field, detail);
        }
        if (page == null || page.results() == null) {
            throw FieldProblem.badRequest("results", "The body must be a registry page with a 'results' list");
        }
        return page;
    }
}
