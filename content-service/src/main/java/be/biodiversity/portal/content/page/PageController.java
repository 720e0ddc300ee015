package be.biodiversity.portal.content.page;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.content.web.NotFoundException;

@RestController
@Validated
@RequestMapping("/api/content/v1/pages")
class PageController {

    private final PageService pages;

    PageController(PageService pages) {
        this.pages = pages;
    }

    /** The page at a permalink in a language, e.g. {@code ?lang=nl&path=/nl/community}. */
    @GetMapping(params = "path")
    Mono<Page> byPath(@RequestParam String lang, @RequestParam String path) {
        return pages.find(lang, path)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No page at " + path + " in language " + lang)));
    }

    /** The pages of a language, by permalink. */
    @GetMapping
    Mono<PageList> list(@RequestParam String lang, @RequestParam(defaultValue = "0") @Min(0) long offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return pages.list(lang, offset, limit);
    }

    /** Every language version of a page, by translation key (Jekyll's {@code lang-ref}). */
    @GetMapping("/translations")
    Flux<Translation> translations(@RequestParam String key) {
        return pages.translations(key);
    }

    @PostMapping
    Mono<ResponseEntity<Page>> create(@Valid @RequestBody NewPage request) {
        return pages.create(request).map(page -> ResponseEntity
                .created(URI.create("/api/content/v1/pages?lang=" + page.lang() + "&path=" + page.permalink()))
                .body(page));
    }
}
