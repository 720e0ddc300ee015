package be.biodiversity.portal.render.look;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * Adds the site's look ({@code look}: logo, colours) to every page's model, from the site settings content-service
 * keeps ({@code _config}); the portal's own look when it has none or cannot be asked.
 */
@ControllerAdvice
class SiteLookAdvice {

    private static final Logger logger = LoggerFactory.getLogger(SiteLookAdvice.class);

    private final ContentClient content;
    private final SiteLanguages languages;

    SiteLookAdvice(ContentClient content, SiteLanguages languages) {
        this.content = content;
        this.languages = languages;
    }

    @ModelAttribute("look")
    Mono<SiteLook> look() {
        return current(content, languages);
    }

    static Mono<SiteLook> current(ContentClient content, SiteLanguages languages) {
        return content.data("_config", languages.defaultLanguage()).map(SiteLook::of).defaultIfEmpty(SiteLook.DEFAULT)
                .onErrorResume(ex -> {
                    logger.warn("Using the portal's own look: the site settings could not be read: {}", ex.getMessage());
                    return Mono.just(SiteLook.DEFAULT);
                });
    }
}
