package be.biodiversity.portal.content.literature;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
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
import be.biodiversity.portal.editor.Editor;

/**
 * Literature that reuses GBIF-mediated data: search with facets, one record, import from GBIF's JSON, and the sync
 * with GBIF's literature search (run on demand, its reports). Writes need the editor token (EditorTokenFilter).
 */
@RestController
@RequestMapping("/api/content/v1/literature")
class LiteratureController {

    private final LiteratureSearch search;
    private final LiteratureImport importer;
    private final ReactiveLiteratureLookup lookup;
    private final LiteratureSync sync;
    private final SyncReports reports;

    LiteratureController(LiteratureSearch search, LiteratureImport importer, ReactiveLiteratureLookup lookup,
            LiteratureSync sync, SyncReports reports) {
        this.search = search;
        this.importer = importer;
        this.lookup = lookup;
        this.sync = sync;
        this.reports = reports;
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

    /** Syncs with GBIF's literature search now and answers the report (also when GBIF could not be reached). */
    @PostMapping("/sync")
    Mono<SyncReport> sync() {
        return sync.run("editor");
    }

    /** The newest sync reports, newest first; editors only (LiteratureEditorReads). */
    @GetMapping("/sync/reports")
    Flux<SyncReport> reports(@RequestParam(defaultValue = "20") int limit, @AuthenticationPrincipal Editor editor) {
        if (editor == null) {
            // Refused by the security chain before this (LiteratureEditorReads); kept so that no change there lists them.
            ErrorResponseException refused = new ErrorResponseException(HttpStatus.UNAUTHORIZED);
            refused.setDetail("The literature sync reports are for editors: send 'Authorization: Bearer <editor token>'");
            refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Flux.error(refused);
        }
        return reports.newest(LiteratureSync.SITE, Math.min(RequestParams.limit(limit, 1), 100));
    }

    @ExceptionHandler
    Mono<ProblemDetail> busy(LiteratureSync.AlreadyRunning ex) {
        return Mono.just(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage()));
    }

    @ExceptionHandler
    Mono<ProblemDetail> rejected(LiteratureImport.RejectedImport ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setProperty("field", ex.problems().get(0).field());
        problem.setProperty("errors", ex.problems());
        return Mono.just(problem);
    }
}
