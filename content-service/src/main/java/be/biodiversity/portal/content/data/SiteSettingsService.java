package be.biodiversity.portal.content.data;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.language.Languages;
import be.biodiversity.portal.content.resolve.RenderScheduler;


/**
 * The site's identity and languages ({@link SiteSettings}), read from its stored {@code _config} and
 * {@code languages} data files (imported from {@code _config.yml} and {@code _data/languages.yml}) and the
 * languages its published pages are in. A site with neither file (the demo before its own files are loaded) has
 * {@code portal.content.languages}.
 */
@Service
public class SiteSettingsService {

    private final PublishedLanguages published;
    private final SiteDataService data;
    private final ContentProperties properties;
    private final RenderScheduler render;
    private final Languages languages;

    SiteSettingsService(PublishedLanguages published, SiteDataService data, ContentProperties properties,
            RenderScheduler render, Languages languages) {
        this.published = published;
        this.data = data;
        this.properties = properties;
        this.render = render;
        this.languages = languages;
    }

    /** The settings of the site as stored now. */
    public Mono<SiteSettings> current() {
        Mono<Map<?, ?>> config = parsed(SiteData.CONFIG);
        Mono<Map<?, ?>> declared = parsed("languages");
        // every request of render-service reads the settings: the languages come from the listings' index (kept per
        // revision), not from a scan of every page
        Mono<List<String>> withPages = published.current().map(List::copyOf);
        return Mono.zip(config, declared, withPages).publishOn(render.scheduler())
                .map(parts -> SiteSettingsReader.withImported(SiteSettingsReader.read(SiteSettings.DEFAULT_KEY,
                        parts.getT1(), parts.getT2(), properties.languages(), parts.getT3()), languages.current(),
                        parts.getT3()));
    }

    private Mono<Map<?, ?>> parsed(String name) {
        return data.stored(name, "").map(file -> ParsedData.parseOrEmpty(file) instanceof Map<?, ?> map
                ? (Map<?, ?>) map : (Map<?, ?>) Map.of()).defaultIfEmpty(Map.of());
    }
}
