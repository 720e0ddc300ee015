package be.biodiversity.portal.content.page;

import java.net.URI;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.springframework.web.ErrorResponseException;

import be.biodiversity.portal.editor.Editor;
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
    private final PostCards postCards;
    PageController(PageService pages, PageWriter writer, PageHistory history, ResolvedPages resolved,
            PostCards postCards) {
        this.postCards = postCards;
        this.pages = pages;
        this.writer = writer;
        this.history = history;
        this.resolved = resolved;
    }

    /**
     * The page at a permalink in a language, e.g. {@code ?lang=nl&path=/nl/community}. {@code drafts=true} finds a
     * draft for an editor; for anyone else a draft is not there (404), whatever {@code drafts} says.
     */
    @GetMapping(path = "/pages", params = "path")
    Mono<PageView> byPath(@RequestParam String lang, @RequestParam String path,
            @RequestParam(defaultValue = "false") boolean drafts, @AuthenticationPrincipal Editor editor) {
        RequestParams.text("lang", lang, 20);
        RequestParams.text("path", path, PERMALINK_LENGTH);
        return pages.find(lang, path, drafts && editor != null).flatMap(resolved::view)
                .map(view -> editor != null ? view : view.forAnonymous())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No page at " + path + " in language " + lang)));
    }

    /** Pages and posts, filtered and paged; {@code status=draft|any} for editors only (see {@code web/EditorReads}). */
    @GetMapping("/pages")
    Mono<PageList> list(@RequestParam(required = false) String lang, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String layout, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal Editor editor) {
        PageFilter filter = new PageFilter(lang, kind, layout, category, year, q, status, sort);
        RequestParams.offset(offset);
        RequestParams.limit(limit, 1);
        if (filter.needsEditor() && editor == null) {
            // Refused by the security chain before this (web/EditorReads); kept so that no change there lists drafts.
            ErrorResponseException refused = new ErrorResponseException(HttpStatus.UNAUTHORIZED);
            refused.setDetail("status=" + status + " is for editors: send the header 'Authorization: Bearer <editor token>'");
            refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Mono.error(refused);
        }
        return pages.list(filter, offset, limit);
    }

    /** News posts, newest first unless {@code sort} says otherwise. */
    @GetMapping("/posts")
    Mono<PageList> posts(@RequestParam(required = false) String lang, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "20") int limit,
            @RequestParam(defaultValue = "false") boolean cards, @AuthenticationPrincipal Editor editor) {
        if (!cards) {
            return list(lang, Page.POST, null, category, year, q, status, sort, offset, limit, editor);
        }
        PostCards.checkLimit(limit);
        return list(lang, Page.POST, null, category, year, q, status, sort, offset, limit, editor)
                .flatMap(postCards::withCards);
    }

    /**
     * The categories of the published posts of a language, by name, with how many posts each: what an archive's
     * category links need, without listing the posts.
     */
    @GetMapping("/posts/categories")
    Flux<PostCategory> postCategories(@RequestParam(required = false) String lang) {
        RequestParams.text("lang", lang, 20);
        return pages.postCategories(lang);
    }

    /** Every published language version of a page, by translation key (Jekyll's {@code lang-ref}). */
    @GetMapping("/pages/translations")
    Flux<Translation> translations(@RequestParam String key) {
        RequestParams.text("key", key, 100);
        return pages.translations(key);
    }

    /** A page by id; a draft only for an editor, for anyone else it is not there (404, like a gap between ids). */
    @GetMapping("/pages/{id}")
    Mono<PageView> byId(@PathVariable String id, @AuthenticationPrincipal Editor editor) {
        RequestParams.pageId(id);
        return pages.byId(id).filter(page -> editor != null || page.published())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No page with id " + id)))
                .flatMap(resolved::view).map(view -> editor != null ? view : view.forAnonymous());
    }

    @PostMapping(path = "/pages", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Page>> create(@Valid @RequestBody NewPage request, @AuthenticationPrincipal Editor editor) {
        return writer.create(request, editor.name()).map(page -> ResponseEntity
                .created(URI.create("/api/content/v1/pages?lang=" + page.lang() + "&path=" + page.permalink()))
                .body(page));
    }

    /** Replaces a page; {@code version} (or {@code If-Match}) must be the version the editor started from. */
    @PutMapping(path = "/pages/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Page> update(@PathVariable String id, @Valid @RequestBody NewPage request,
            @RequestParam(required = false) Long version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Editor editor) {
        RequestParams.pageId(id);
        return writer.update(id, request, expected(version, ifMatch), editor.name());
    }

    @DeleteMapping("/pages/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, @RequestParam(required = false) Long version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Editor editor) {
        RequestParams.pageId(id);
        return writer.delete(id, expected(version, ifMatch), editor.name()).thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * The history of a page, newest first. Editors see all of it. Anyone else sees the published revisions of a
     * page that is published now; a draft, a page never published, unpublished or deleted has no history for them
     * (404, as for a page that does not exist).
     */
    @GetMapping("/pages/{id}/revisions")
    Flux<PageRevision.Entry> revisions(@PathVariable String id, @AuthenticationPrincipal Editor editor) {
        RequestParams.pageId(id);
        if (editor != null) {
            return history.entries(id, false);
        }
        return publishedNow(id).flatMapMany(page -> history.entries(id, true));
    }

    /** One revision as the page was then; for anyone but an editor only a published revision of a published page. */
    @GetMapping("/pages/{id}/revisions/{revision}")
    Mono<Page> revision(@PathVariable String id, @PathVariable long revision, @AuthenticationPrincipal Editor editor) {
        RequestParams.pageId(id);
        RequestParams.version("revision", revision);
        Mono<Page> snapshot = history.at(id, revision).map(history::snapshot);
        Mono<Page> shown = editor != null ? snapshot
                : publishedNow(id).then(snapshot.filter(page -> page.published()));
        return shown.switchIfEmpty(Mono.error(() -> new NotFoundException("Page " + id + " has no revision " + revision)));
    }

    /** Makes an old revision the current content, as a new version; {@code version}: the current one. */
    @PostMapping("/pages/{id}/revisions/{revision}/restore")
    Mono<Page> restore(@PathVariable String id, @PathVariable long revision,
            @RequestParam(required = false) Long version, @AuthenticationPrincipal Editor editor) {
        RequestParams.pageId(id);
        RequestParams.version("revision", revision);
        return writer.restore(id, revision, version, editor.name());
    }

    private Mono<Page> publishedNow(String id) {
        return pages.byId(id).filter(Page::published)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No page with id " + id)));
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
}
