package be.biodiversity.portal.content.data;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/content/v1/site}: who the site is and which languages it serves ({@link SiteSettings}). */
@RestController
class SiteController {

    private final SiteSettingsService settings;

    SiteController(SiteSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/api/content/v1/site")
    Mono<SiteSettings> site() {
        return settings.current();
    }
}
