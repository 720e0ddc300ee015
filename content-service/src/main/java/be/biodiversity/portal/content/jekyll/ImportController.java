package be.biodiversity.portal.content.jekyll;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.editor.Editor;

/**
 * {@code POST /api/content/v1/imports}: a repository as a {@code .zip} or {@code .tar.gz}, either as the request
 * body or as the multipart part {@code file}. 200 with the report; 422 with the report when a file has an error
 * (nothing imported); 400 for an unsafe or oversized archive. {@code dryRun=true} only reports.
 */
@RestController
class ImportController {

    private final JekyllImporter importer;

    ImportController(JekyllImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/content/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImportReport> upload(@RequestPart("file") Mono<FilePart> file,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "true") boolean prune,
            @AuthenticationPrincipal Editor editor) {
        // A part without a Content-Disposition name makes the multipart reader fail with IllegalStateException.
        return file.onErrorMap(IllegalStateException.class,
                ex -> new ArchiveRejectedException("upload", "is not a well-formed multipart upload (a part has no name)"))
                .flatMap(part -> bytes(part.filename(), part.content())
                .flatMap(bytes -> importer.importArchive(part.filename(), bytes, dryRun, prune, editor.name())));
    }

    @PostMapping(path = "/api/content/v1/imports",
            consumes = { "application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
                    MediaType.APPLICATION_OCTET_STREAM_VALUE })
    Mono<ImportReport> body(@RequestBody Flux<DataBuffer> body, @RequestParam(defaultValue = "upload") String name,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "true") boolean prune,
            @AuthenticationPrincipal Editor editor) {
        return bytes(name, body).flatMap(bytes -> importer.importArchive(name, bytes, dryRun, prune, editor.name()));
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
}
