package be.biodiversity.portal.content.data;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.NotFoundException;
import be.biodiversity.portal.content.web.RequestParams;
import be.biodiversity.portal.editor.Editor;

/** The site's data files ({@code _data/*.yml}) by name and language. */
@RestController
@RequestMapping("/api/content/v1/data")
class DataController {

    private final SiteDataService data;
    private final DataWriter writer;

    DataController(SiteDataService data, DataWriter writer) {
        this.data = data;
        this.writer = writer;
    }

    /** Every data file: name, language, version. */
    @GetMapping
    Flux<Map<String, Object>> list() {
        return data.all().map(d -> Map.of("id", d.id(), "name", d.name(), "lang", d.lang(), "version", d.version()));
    }

    /** A data file in {@code lang}, else the default-language file ({@code fallback: true}). */
    @GetMapping("/{name}")
    Mono<DataView> get(@PathVariable String name, @RequestParam(required = false) String lang) {
        RequestParams.text("name", name, 400);
        return data.find(name, lang).switchIfEmpty(Mono.error(() -> new NotFoundException("No data file " + name)));
    }

    record DataWrite(String source, Long version) {
    }

    /** Creates ({@code version} absent) or replaces ({@code version} = current) a data file. */
    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<SiteData>> put(@PathVariable String name, @RequestParam(required = false) String lang,
            @RequestBody DataWrite body, @AuthenticationPrincipal Editor editor) {
        return writer.put(name, lang, body.source(), body.version(), editor.name())
                .map(saved -> ResponseEntity.status(body.version() == null ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(saved));
    }

    @DeleteMapping("/{name}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String name, @RequestParam(required = false) String lang,
            @RequestParam long version, @AuthenticationPrincipal Editor editor) {
        return writer.delete(name, lang, version, editor.name())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Makes an old revision's text current again; {@code version}: the current version (absent if deleted). */
    @org.springframework.web.bind.annotation.PostMapping("/{name}/revisions/{revision}/restore")
    Mono<SiteData> restore(@PathVariable String name, @PathVariable long revision,
            @RequestParam(required = false) String lang, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal Editor editor) {
        return writer.restore(name, lang, revision, version, editor.name());
    }

    @GetMapping("/{name}/revisions")
    Flux<DataRevision.Entry> revisions(@PathVariable String name, @RequestParam(required = false) String lang) {
        RequestParams.text("name", name, 400);
        return data.stored(name, data.knownLanguage(lang == null ? "" : lang))
                .flatMapMany(d -> writer.history(d.id()));
    }
}
