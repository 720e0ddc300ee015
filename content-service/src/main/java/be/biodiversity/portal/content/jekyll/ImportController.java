package be.biodiversity.portal.content.jekyll;

import java.net.URI;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.NotFoundException;
import be.biodiversity.portal.editor.Editor;

/**
 * {@code POST /api/content/v1/imports}: a repository as a {@code .zip} or {@code .tar.gz}, either as the request
 * body or as the multipart part {@code file}. The archive is read and checked at once (400 for an unsafe or
 * oversized one, 409 while another import runs); the import then runs as a job: 202 with {@code Location} of
 * {@code GET /api/content/v1/imports/{id}} (editors only), which shows its state, progress and, when done, the
 * report. {@code wait=true} imports before answering: 200 with the report (422 when {@code strict=true} refused
 * it). {@code dryRun=true} only reports; {@code merge=true} (or the older {@code prune=false}) keeps what the
 * repository no longer has; {@code strict=true} refuses the whole import for any error.
 */
@RestController
class ImportController {

    static final String PATH = "/api/content/v1/imports";

    private final JekyllImporter importer;
    private final ImportJobs jobs;

    ImportController(JekyllImporter importer, ImportJobs jobs) {
        this.importer = importer;
        this.jobs = jobs;
    }

    /** The import's switches as the request gives them. */
    record Switches(boolean dryRun, Boolean merge, Boolean prune, boolean strict, boolean synchronous) {

        JekyllImporter.Options options() {
            boolean keep = merge != null ? merge : prune != null && !prune;
            return new JekyllImporter.Options(dryRun, keep, strict);
        }
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<Object>> upload(@RequestBody Flux<Part> parts,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) Boolean merge,
            @RequestParam(required = false) Boolean prune, @RequestParam(defaultValue = "false") boolean strict,
            @RequestParam(defaultValue = "false") boolean wait, @AuthenticationPrincipal Editor editor) {
        Switches switches = new Switches(dryRun, merge, prune, strict, wait);
        // the parts are checked (named, one 'file') before any is used: MultipartUpload
        return MultipartUpload.withFile(parts, file -> bytes(file.name(), file.part().content())
                .flatMap(bytes -> run(file.name(), bytes, switches, editor.name())));
    }

    @PostMapping(path = PATH,
            consumes = { "application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
                    MediaType.APPLICATION_OCTET_STREAM_VALUE })
    Mono<ResponseEntity<Object>> body(@RequestBody Flux<DataBuffer> body, @RequestParam(defaultValue = "upload") String name,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) Boolean merge,
            @RequestParam(required = false) Boolean prune, @RequestParam(defaultValue = "false") boolean strict,
            @RequestParam(defaultValue = "false") boolean wait, @AuthenticationPrincipal Editor editor) {
        Switches switches = new Switches(dryRun, merge, prune, strict, wait);
        return bytes(name, body).flatMap(bytes -> run(name, bytes, switches, editor.name()));
    }

    /** The job: 200 with it, its report once done; editors only (ImportEditorReads). */
    @GetMapping(PATH + "/{id}")
    Mono<ImportJobView> job(@PathVariable String id) {
        if (!id.matches("[0-9a-f]{24}")) {
            return Mono.error(new be.biodiversity.portal.content.web.InvalidFieldException("id",
                    "is not an import job id (24 hexadecimal digits)"));
        }
        return jobs.find(id).map(job -> ImportJobView.of(job, jobs.report(job)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No import job " + id)));
    }

    private Mono<ResponseEntity<Object>> run(String name, byte[] archive, Switches switches, String author) {
        if (switches.synchronous()) {
            return importer.importArchive(name, archive, switches.options(), author, ImportProgress.NONE)
                    .map(report -> ResponseEntity.ok((Object) report));
        }
        if (importer.busy()) {
            return Mono.error(JekyllImporter.busyError());
        }
        // the archive is read now, so that an unsafe or oversized one is a 400 of this request
        return Mono.fromCallable(() -> importer.readArchive(name, archive)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(files -> jobs.start(name, author,
                        progress -> importer.importFiles(name, () -> files, switches.options(), author, progress)))
                .map(job -> ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(PATH + "/" + job.id()))
                        .body((Object) ImportJobView.of(job, null)));
    }

    private Mono<byte[]> bytes(String name, Flux<DataBuffer> content) {
        int max = (int) Math.min(Integer.MAX_VALUE - 8, importer.maxUploadBytes());
        return DataBufferUtils.join(content, max).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).onErrorMap(DataBufferLimitException.class,
                ex -> new ArchiveRejectedException(name, "is larger than " + max + " bytes"));
    }

    /**
     * What {@code GET …/imports/{id}} answers.
     *
     * @param progress files read, documents to store, documents written so far
     * @param status   for a failed job, the status a synchronous import would have answered (409, 422, 500)
     */
    record ImportJobView(String id, String site, String state, String source, java.time.Instant startedAt,
            java.time.Instant finishedAt, Progress progress, ImportReport report, Integer status, String error) {

        record Progress(int files, int documents, int written) {
        }

        static ImportJobView of(ImportJob job, ImportReport report) {
            return new ImportJobView(job.id(), job.site(), job.state(), job.source(), job.startedAt(), job.finishedAt(),
                    new Progress(job.files(), job.documents(), job.written()), report, job.failureStatus(),
                    job.failure());
        }
    }
}
