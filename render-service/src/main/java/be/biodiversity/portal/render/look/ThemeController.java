package be.biodiversity.portal.render.look;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * {@code /site-theme.css}: the site's colours as CSS custom properties, read by {@code site.css}. A
 * stylesheet of its own because the portal's Content-Security-Policy allows no inline styles.
 */
@RestController
class ThemeController {

    private final ContentClient content;
    private final SiteLanguages languages;

    ThemeController(ContentClient content, SiteLanguages languages) {
        this.content = content;
        this.languages = languages;
    }

    @GetMapping(path = "/site-theme.css", produces = "text/css")
    Mono<ResponseEntity<String>> theme() {
        return SiteLookAdvice.current(content, languages).map(look -> ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/css;charset=UTF-8"))
                .cacheControl(CacheControl.noCache())
                .body(css(look)));
    }

    static String css(SiteLook look) {
        return ":root {\n"
                + "    --primary: " + look.primary() + ";\n"
                + "    --on-primary: " + look.onPrimary() + ";\n"
                + "    --link: " + look.linkText() + ";\n"
                + "}\n";
    }
}
