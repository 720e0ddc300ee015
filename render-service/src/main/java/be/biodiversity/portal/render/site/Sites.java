package be.biodiversity.portal.render.site;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.render.cache.SiteRevision;
import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.SiteSettings;

/**
 * The sites this service renders, by key, as content-service describes them ({@code GET /api/content/v1/site}).
 * One site today (every request is for {@link #DEFAULT}); the gateway will name the site of a request once there are
 * several (MULTISITE.md), and this is the one place that reads it.
 * <p>
 * The answer is kept in the {@code AnswerCache} (forgotten when the change feed names any page or a site-wide change,
 * as a site's languages are those it has pages in). While the feed cannot be read answers are not kept: then the
 * last site known is used at once and asked for again in the background, so that no request waits on a
 * content-service that does not answer. When content-service fails, the last site known stands in; before any
 * answer, {@link Site#unknown}.
 */
@Component
public class Sites {

    /** The key of the one site served while there is one. */
    public static final String DEFAULT = "default";

    private static final Logger logger = LoggerFactory.getLogger(Sites.class);

    private final ContentClient content;
    private final SiteRevision revision;
    private final PortalProperties properties;
    private final Map<String, Site> known = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    /** The site made of the settings last read: the same kept answer is not made into a site on every request. */
    private volatile Described described;

    private record Described(SiteSettings settings, Site site) {
    }

    Sites(ContentClient content, SiteRevision revision, PortalProperties properties) {
        this.content = content;
        this.revision = revision;
        this.properties = properties;
    }

    /** The site of a request as content-service describes it now (never fails: the last known stands in). */
    public Mono<Site> current() {
        Site last = this.known.get(DEFAULT);
        if (last != null && this.revision.current() == SiteRevision.UNKNOWN) {
            if (this.refreshing.compareAndSet(false, true)) {
                fetch().doFinally((signal) -> this.refreshing.set(false)).subscribe();
            }
            return Mono.just(last);
        }
        return fetch();
    }

    /** The site as last read (after {@link #current()} in the same request: as content-service describes it now). */
    public Site known() {
        Site last = this.known.get(DEFAULT);
        return last != null ? last : Site.unknown(this.properties.siteUrl());
    }

    private Site describe(SiteSettings settings) {
        Described last = this.described;
        if (last != null && last.settings() == settings) {
            return last.site();
        }
        Site site = Site.of(settings, this.properties.siteUrl());
        this.described = new Described(settings, site);
        return site;
    }

    /** The site {@link SiteFilter} read for this request, else the one these languages are of. */
    public static Site of(org.springframework.web.server.ServerWebExchange exchange, SiteLanguages languages) {
        Site read = exchange.getAttribute(SiteFilter.ATTRIBUTE);
        return read != null ? read : languages.site();
    }

    private Mono<Site> fetch() {
        return this.content.site()
            .map(this::describe)
            .doOnNext((site) -> {
                this.known.put(DEFAULT, site);
                if (this.failing.compareAndSet(true, false)) {
                    logger.info("content-service describes the site again");
                }
            })
            .onErrorResume((ex) -> {
                if (this.failing.compareAndSet(false, true)) {
                    logger.warn("Using the last site known: content-service cannot describe it: {}", ex.getMessage());
                }
                return Mono.just(known());
            })
            .switchIfEmpty(Mono.fromSupplier(this::known));
    }
}
