package be.biodiversity.portal.content.literature;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.NotFoundException;
import be.biodiversity.portal.content.web.RequestParams;

/** Literature that reuses GBIF-mediated data: search with facets, one record, and import from GBIF's JSON. */
@RestController
@RequestMapping("/api/content/v1/literature")
class LiteratureController {

    private final LiteratureSearch search;
    private final LiteratureImport importer;
    private final ReactiveLiteratureLookup lookup;

    LiteratureController(LiteratureSearch search, LiteratureImport importer, ReactiveLiteratureLookup lookup) {
        this.search = search;
        this.importer = importer;
        this.lookup = lookup;
    }

    @GetMapping
    Mono<LiteratureResults> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) List<String> literatureType,
            @RequestParam(required = false) List<String> topics,
            @RequestParam(required = false) List<String> countriesOfResearcher,
            @RequestParam(required = false) List<String> countriesOfCoverage,
            @RequestParam(required = false) Boolean openAccess,
            @RequestParam(required = false) Boolean peerReview,
            @RequestParam(defaultValue = "0") long offset,
            @RequestParam(defaultValue = "20") int limit) {
        Integer[] years = LiteratureQuery.parseYear(year);
        return search.search(new LiteratureQuery(q, years[0], years[1], literatureType, topics, countriesOfResearcher,
                countriesOfCoverage, openAccess, peerReview, offset, limit));
    }

    @GetMapping("/{id}")
    Mono<LiteratureRecord> byId(@PathVariable String id) {
        RequestParams.recordId("id", id);
        return lookup.byId(id).switchIfEmpty(Mono.error(() -> new NotFoundException("No literature record " + id)));
    }

    /** Imports GBIF literature-search JSON (the response of api.gbif.org/v1/literature/search, or a file of it). */
    @PostMapping(path = "/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<LiteratureImport.Report> importRecords(@RequestBody LiteratureImport.Upload upload) {
        return importer.run(upload);
    }

    @ExceptionHandler
    Mono<ProblemDetail> rejected(LiteratureImport.RejectedImport ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setProperty("field", ex.problems().get(0).field());
        problem.setProperty("errors", ex.problems());
        return Mono.just(problem);
    }
}
