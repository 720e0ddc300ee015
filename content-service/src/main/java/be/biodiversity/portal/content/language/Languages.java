package be.biodiversity.portal.content.language;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.config.ContentProperties;

/**
 * The site's languages for the checks of this service: those the last import stored ({@link SiteLanguages}), else
 * {@code portal.content.languages}. Kept in memory (read at start-up, replaced by an import on this instance, read
 * again every {@value #REFRESH_SECONDS} s for an import another instance made) so that the checks of every request
 * need no database read.
 */
@Service
@Order(0)
public class Languages implements ApplicationRunner, DisposableBean {

    static final int REFRESH_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(Languages.class);

    private final ReactiveMongoTemplate mongo;
    private final SiteLanguages fallback;
    private final AtomicReference<SiteLanguages> current;
    private volatile Disposable refresh;

    Languages(ReactiveMongoTemplate mongo, ContentProperties properties) {
        this.mongo = mongo;
        this.fallback = new SiteLanguages(SiteLanguages.DEFAULT_SITE, properties.defaultLanguage(),
                properties.languages(), Map.of(), List.of(), "settings", null);
        this.current = new AtomicReference<>(fallback);
    }

    /** Every language of the site, the default first. */
    public List<String> languages() {
        return current.get().languages();
    }

    public String defaultLanguage() {
        return current.get().defaultLanguage();
    }

    public boolean knows(String lang) {
        return current.get().knows(lang);
    }

    public SiteLanguages current() {
        return current.get();
    }

    /** Stores what an import read and uses it from now on. */
    public Mono<SiteLanguages> save(SiteLanguages languages) {
        return mongo.save(languages).doOnNext(current::set);
    }

    /** The stored languages of a site, if an import stored some. */
    public Mono<SiteLanguages> stored(String site) {
        return mongo.findById(site, SiteLanguages.class);
    }

    @Override
    public void run(ApplicationArguments args) {
        SiteLanguages stored = stored(SiteLanguages.DEFAULT_SITE).block(Duration.ofSeconds(30));
        if (stored != null) {
            current.set(stored);
            log.info("Site languages {} (default {}), from the last import", stored.languages(), stored.defaultLanguage());
        }
        refresh = Flux.interval(Duration.ofSeconds(REFRESH_SECONDS)).onBackpressureDrop()
                .concatMap(tick -> stored(SiteLanguages.DEFAULT_SITE).onErrorResume(ex -> Mono.empty()))
                .subscribe(current::set);
    }

    @Override
    public void destroy() {
        if (refresh != null) {
            refresh.dispose();
        }
    }
}
