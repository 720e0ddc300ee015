package be.biodiversity.portal.content.page;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.NotFoundException;
import be.biodiversity.portal.content.web.RequestParams;
import be.biodiversity.portal.editor.Editor;

/**
 * Editors' previews. {@code POST /previews} (an unsaved edit, the body of a page write) and {@code POST
 * /pages/{id}/preview} (a stored draft or page) answer 201 with the preview's link; {@code GET /previews/{id}}
 * answers the page as it would be shown to anyone holding that link, never cached.
 */
@RestController
@RequestMapping("/api/content/v1")
class PreviewController {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{32}");

    private final PagePreviews previews;

    PreviewController(PagePreviews previews) {
        this.previews = previews;
    }

    /** Where a preview is read and where visitors' browsers open it, and until when. */
    record PreviewLink(String id, String api, String url, Instant expiresAt) {

        static PreviewLink of(PagePreview preview) {
            return new PreviewLink(preview.id(), "/api/content/v1/previews/" + preview.id(), "/preview/" + preview.id(),
                    preview.expiresAt());
        }
    }

    @PostMapping(path = "/previews", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PreviewLink>> ofEdit(@Valid @RequestBody NewPage page, @AuthenticationPrincipal Editor editor) {
        return previews.ofEdit(page, editor.name()).map(PreviewController::created);
    }

    @PostMapping("/pages/{id}/preview")
    Mono<ResponseEntity<PreviewLink>> ofPage(@PathVariable String id, @AuthenticationPrincipal Editor editor) {
        RequestParams.pageId(id);
        return previews.ofPage(id, editor.name()).map(PreviewController::created)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No page with id " + id)));
    }

    @GetMapping("/previews/{id}")
    Mono<ResponseEntity<PageView>> read(@PathVariable String id) {
        if (!ID.matcher(id).matches()) {
            return Mono.error(new NotFoundException("No preview " + id));
        }
        return previews.view(id).map(view -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate()).header("X-Robots-Tag", "noindex, nofollow")
                .body(view.forAnonymous()));
    }

    private static ResponseEntity<PreviewLink> created(PagePreview preview) {
        PreviewLink link = PreviewLink.of(preview);
        return ResponseEntity.created(URI.create(link.api())).cacheControl(CacheControl.noStore()).body(link);
    }
}
