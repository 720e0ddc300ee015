package be.biodiversity.portal.content.page;

import java.net.URI;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.EditorAuth;
import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.web.NotFoundException;
import be.biodiversity.portal.content.web.RequestParams;

/** Pages and posts: public reads of what is published; editor writes, drafts and history. */
@RestController
@Validated
@RequestMapping("/api/content/v1")
class PageController {

    /** The longest permalink a page may have ({@link NewPage}), so the longest path worth looking up. */
    private static final int PERMALINK_LENGTH = 300;

    private final PageService pages;
    private final PageWriter writer;
    private final PageHistory history;
    private final ResolvedPages resolved;
    private final EditorAuth auth;

    PageController(PageService pages, PageWriter writer, PageHistory history, ResolvedPages resolved, EditorAuth auth) {
        this.pages = pages;
        this.writer = writer;
        this.history = history;
        this.resolved = resolved;
        this.auth = auth;
    }

    /** The page at a permalink in a language, e.g. {@code ?lang=nl&path=/nl/community}; drafts for editors. */
    @GetMapping(path = "/pages", params = "path")
    Mono<PageView> byPath(@RequestParam String lang, @RequestParam String path,
            @RequestParam(defaultValue = "false") boolean drafts,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        RequestParams.text("lang", lang, 20);
        RequestParams.text("path", path, PERMALINK_LENGTH);
        if (drafts) {
            auth.require(authorization);
        }
        return pages.find(lang, path, drafts).flatMap(resolved::view)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No page at " + path + " in language " + lang)));
    }

    /** Pages and posts, filtered and paged; {@code status=draft|any} for editors only. */
    @GetMapping("/pages")
    Mono<PageList> list(@RequestParam(required = false) String lang, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String layout, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "100") int limit,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        PageFilter filter = new PageFilter(lang, kind, layout, category, year, q, status, sort);
        RequestParams.offset(offset);
        RequestParams.limit(limit, 1);
        if (filter.needsEditor()) {
            auth.require(authorization);
        }
        return pages.list(filter, offset, limit);
    }

    /** News posts, newest first unless {@code sort} says otherwise. */
    @GetMapping("/posts")
    Mono<PageList> posts(@RequestParam(required = false) String lang, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "20") int limit,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return list(lang, Page.POST, null, category, year, q, status, sort, offset, limit, authorization);
    }

    /** Every published language version of a page, by translation key (Jekyll's {@code lang-ref}). */
    @GetMapping("/pages/translations")
    Flux<Translation> translations(@RequestParam String key) {
        RequestParams.text("key", key, 100);
        return pages.translations(key);
    }

    @GetMapping("/pages/{id}")
    Mono<PageView> byId(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        RequestParams.pageId(id);
        return pages.byId(id).switchIfEmpty(Mono.error(() -> new NotFoundException("No page with id " + id)))
                .doOnNext(page -> {
                    if (!page.published()) {
                        auth.require(authorization);
                    }
                }).flatMap(resolved::view);
    }

    @PostMapping("/pages")
    Mono<ResponseEntity<Page>> create(@Valid @RequestBody NewPage request,
            @RequestHeader(name = "X-Editor", required = false) String editor) {
        return writer.create(request, author(editor)).map(page -> ResponseEntity
                .created(URI.create("/api/content/v1/pages?lang=" + page.lang() + "&path=" + page.permalink()))
                .body(page));
    }

    /** Replaces a page; {@code version} (or {@code If-Match}) must be the version the editor started from. */
    @PutMapping("/pages/{id}")
    Mono<Page> update(@PathVariable String id, @Valid @RequestBody NewPage request,
            @RequestParam(required = false) Long version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = "X-Editor", required = false) String editor) {
        RequestParams.pageId(id);
        return writer.update(id, request, expected(version, ifMatch), author(editor));
    }

    @DeleteMapping("/pages/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, @RequestParam(required = false) Long version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = "X-Editor", required = false) String editor) {
        RequestParams.pageId(id);
        return writer.delete(id, expected(version, ifMatch), author(editor)).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/pages/{id}/revisions")
    Flux<PageRevision.Entry> revisions(@PathVariable String id) {
        RequestParams.pageId(id);
        return history.entries(id);
    }

    @GetMapping("/pages/{id}/revisions/{revision}")
    Mono<Page> revision(@PathVariable String id, @PathVariable long revision) {
        RequestParams.pageId(id);
        RequestParams.version("revision", revision);
        return history.at(id, revision).map(history::snapshot)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Page " + id + " has no revision " + revision)));
    }

    /** Makes an old revision the current content, as a new version; {@code version}: the current one. */
    @PostMapping("/pages/{id}/revisions/{revision}/restore")
    Mono<Page> restore(@PathVariable String id, @PathVariable long revision,
            @RequestParam(required = false) Long version,
            @RequestHeader(name = "X-Editor", required = false) String editor) {
        RequestParams.pageId(id);
        RequestParams.version("revision", revision);
        return writer.restore(id, revision, version, author(editor));
    }

    private static long expected(Long version, String ifMatch) {
        if (version != null) {
            return RequestParams.version("version", version);
        }
        if (ifMatch != null && ifMatch.replace("\"", "").strip().matches("\\d+")) {
            return Long.parseLong(ifMatch.replace("\"", "").strip());
        }
        throw new InvalidFieldException("version",
                "the version the change is based on is required (?version=n or If-Match: \"n\")");
    }

    private static String author(String editor) {
        return editor == null || editor.isBlank() ? "editor" : editor.strip();
    }
}
