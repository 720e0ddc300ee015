package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import be.biodiversity.portal.render.cache.PageCache.Outcome;

/**
 * Serves rendered pages again while they are still right, answers conditional requests with 304, and serves a page
 * rendered before when content-service cannot be reached (up to {@code stale-if-error}), unless content-service has
 * since said that page changed or is gone. Only complete 200 pages are kept: a page rendered without one of its
 * parts (header {@value #DEGRADED}) is sent but not kept. A 404 forgets the page in every form.
 * <p>
 * A page that says how long it is right (headers {@value #KEEP_UNTIL} and {@value #KEEP_QUERY}: GBIF's searches and
 * records, whose answers have a life of their own) is kept as a {@link TimedPage} by site, path and
 * {@link QueryKey}, but only when the query it was made from is the request's query: a query with more in it (an
 * unknown parameter, a value the page dropped) is rendered every time, never kept. Other pages with a query string
 * are never kept.
 * <p>
 * What leaves this service: a fresh page {@code no-cache} (with ETag); a stale one {@code no-store} (nobody keeps a
 * stand-in as if it were fresh: staleness never stacks); a partial one {@code max-age=0, stale-if-error=N}; anything
 * else that is not a 200 {@code no-store}; a page with a query that is not kept, as its controller made it.
 */
@Component
@Order(PageCacheFilter.ORDER)
public class PageCacheFilter implements WebFilter {

    /** Its place among the filters: after the site is read, before what rewrites a rendered page (kept rewritten). */
    public static final int ORDER = 0;

    /** Set by the page controller when a part of the page could not be had; never leaves the service. */
    public static final String DEGRADED = "X-Portal-Degraded";

    /**
     * Set by a controller whose page is for one person (an editor's preview): never kept, sent {@code no-store,
     * private}; never leaves the service.
     */
    public static final String PRIVATE = "X-Portal-Private";

    /**
     * Set by a controller whose page is right until a moment of the cache's ticker (nanoseconds, a decimal number)
     * and not after; never leaves the service. Only with {@value #KEEP_QUERY}.
     */
    public static final String KEEP_UNTIL = "X-Portal-Keep-Until";

    /** The {@link QueryKey} of the query the page was made from; never leaves the service. */
    public static final String KEEP_QUERY = "X-Portal-Keep-Query";

    /** The exchange attribute holding what the page was made of (see {@link #uses}). */
    private static final String USES = PageCacheFilter.class.getName() + ".uses";

    public static final String POSTS = CachedPage.POSTS;
    public static final String ALL_PAGES = CachedPage.ALL_PAGES;
    public static final String POST = "post";

    /**
     * Records what a page is made of, so that a change to any of it forgets the page: content paths (its own, its
     * language versions), {@value #POSTS} (a post listing), {@value #ALL_PAGES} (every page), {@value #POST} (the
     * page is a post).
     */
    public static void uses(ServerWebExchange exchange, java.util.Collection<String> what) {
        @SuppressWarnings("unchecked")
        Set<String> all = (Set<String>) exchange.getAttributes().computeIfAbsent(USES,
                (name) -> java.util.concurrent.ConcurrentHashMap.newKeySet());
        what.stream().filter(java.util.Objects::nonNull).forEach(all::add);
    }

    private final PageCache cache;
    private final SiteRevision revision;
    private final PageCacheProperties properties;
    private final PagePaths languages;

    PageCacheFilter(PageCache cache, SiteRevision revision, PageCacheProperties properties, PagePaths languages) {
        this.cache = cache;
        this.revision = revision;
        this.properties = properties;
        this.languages = languages;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getPath().pathWithinApplication().value();
        String key = languages.requestKey(raw);
        if (!properties.enabled() || !HttpMethod.GET.equals(exchange.getRequest().getMethod())
                || key.startsWith("/actuator") || key.startsWith("/assets/") || !PagePaths.isClean(key)) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                internal(headers);
                if (headers.remove(PRIVATE) != null) {
                    headers.setCacheControl("no-store, private");
                }
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
        boolean query = !exchange.getRequest().getQueryParams().isEmpty();
        if (!query) {
            CachedPage cached = cache.get(key);
            if (cached != null && isFresh(cached)) {
                cache.count(Outcome.HIT);
                return send(exchange, cached, false);
            }
        }
        String queryKey = QueryKey.of(exchange.getRequest().getQueryParams());
        String timedKey = languages.siteKey() + " " + key + queryKey;
        TimedPage timed = cache.timed(timedKey);
        if (timed != null && isFresh(timed)) {
            cache.count(Outcome.HIT);
            return send(exchange, timed.page(), false);
        }
        return chain.filter(exchange.mutate().response(new Capture(exchange, key, query, timedKey, queryKey,
                cache.generation(), revision.current())).build());
    }

    private boolean isFresh(CachedPage page) {
        long age = page.ageNanos(cache.now());
        if (!page.fresh()) {
            return false;
        }
        if (revision.current() == SiteRevision.UNKNOWN) {
            return age < properties.maxAgeWithoutRevision().toNanos();
        }
        return age < properties.maxAge().toNanos();
    }

    /** Within its own life, at most {@code max-age}, and the site still at the revision it was rendered at. */
    private boolean isFresh(TimedPage timed) {
        long now = cache.now();
        long current = revision.current();
        if (now - timed.untilNanos() >= 0 || now - timed.page().bornNanos() >= properties.maxAge().toNanos()) {
            return false;
        }
        if (current == SiteRevision.UNKNOWN) {
            return now - timed.page().bornNanos() < properties.maxAgeWithoutRevision().toNanos();
        }
        return current == timed.revision();
    }

    /** The headers a controller tells this filter what to do with: they never leave the service. */
    private static void internal(HttpHeaders headers) {
        headers.remove(DEGRADED);
        headers.remove(KEEP_UNTIL);
        headers.remove(KEEP_QUERY);
    }

    private Mono<Void> send(ServerWebExchange exchange, CachedPage page, boolean stale) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(page.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(page.contentType());
        if (stale) {
            headers.setCacheControl("no-store");
            headers.set(HttpHeaders.AGE, String.valueOf(page.ageNanos(cache.now()) / 1_000_000_000L));
        }
        else {
            headers.setCacheControl("no-cache");
        }
        if (page.status().is2xxSuccessful() && exchange.checkNotModified(page.etag(), page.renderedAt())) {
            return response.setComplete();
        }
        headers.setContentLength(page.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(page.body())));
    }

    /** Holds the rendered body back until it is complete, then decides what to send and what to keep. */
    private final class Capture extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final String key;
        private final boolean query;
        private final String timedKey;
        private final String queryKey;
        private final long generationAtStart;
        private final long revisionAtStart;
        private final long bornNanos;

        Capture(ServerWebExchange exchange, String key, boolean query, String timedKey, String queryKey,
                long generationAtStart, long revisionAtStart) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.key = key;
            this.query = query;
            this.timedKey = timedKey;
            this.queryKey = queryKey;
            this.generationAtStart = generationAtStart;
            this.revisionAtStart = revisionAtStart;
            this.bornNanos = cache.now();
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(Flux.from(body)).defaultIfEmpty(bufferFactory().wrap(new byte[0]))
                    .flatMap(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return complete(bytes);
                    });
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).concatMap(Flux::from));
        }

        private Mono<Void> complete(byte[] bytes) {
            HttpStatusCode status = getStatusCode() == null ? HttpStatus.OK : getStatusCode();
            boolean degraded = getHeaders().remove(DEGRADED) != null;
            String until = getHeaders().getFirst(KEEP_UNTIL);
            boolean timed = until != null && queryKey.equals(getHeaders().getFirst(KEEP_QUERY));
            internal(getHeaders());
            if (getHeaders().remove(PRIVATE) != null) {
                cache.count(Outcome.BYPASS);
                getHeaders().setCacheControl("no-store, private");
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            }
            if (status.value() == 404 || status.value() == 410) {
                cache.forget(key);
                cache.forgetTimed(timedKey);
            }
            // Looked up now, not when the request came in: a change that arrived meanwhile has had its say.
            CachedPage previous = status.value() == 503 && !query ? cache.get(key) : null;
            if (previous != null) {
                cache.count(Outcome.STALE);
                return send(exchange, previous, true);
            }
            if (status.value() == 200 && !degraded && (timed || !query)) {
                Set<String> uses = Set.copyOf(exchange.<Set<String>>getAttributeOrDefault(USES, Set.of()));
                CachedPage page = new CachedPage(status, getHeaders().getContentType(), bytes,
                        "\"" + DigestUtils.md5DigestAsHex(bytes) + "\"", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        bornNanos, uses, uses.contains(POST), true);
                if (timed) {
                    cache.put(timedKey, new TimedPage(page, untilNanos(until), revisionAtStart), generationAtStart);
                }
                else {
                    cache.put(key, page, generationAtStart);
                }
                cache.count(Outcome.MISS);
                return send(exchange, page, false);
            }
            cache.count(Outcome.BYPASS);
            // A page rendered without one of its parts is not to be reused as it is, but it may stand in for an
            // error answer later (the gateway keeps it for that alone); anything else is not to be kept at all.
            if (status.value() == 200 && degraded) {
                getHeaders().setCacheControl("max-age=0, stale-if-error=" + properties.staleIfError().toSeconds());
            }
            else if (!query || status.value() != 200) {
                getHeaders().setCacheControl("no-store");
            }
            return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
        }

        /** The page's own end, at most {@code max-age} from now (briefly when the site revision was not known). */
        private long untilNanos(String until) {
            long own;
            try {
                own = Long.parseLong(until.strip());
            }
            catch (NumberFormatException ex) {
                own = bornNanos;
            }
            Duration longest = revisionAtStart == SiteRevision.UNKNOWN ? properties.maxAgeWithoutRevision()
                    : properties.maxAge();
            return own - bornNanos < longest.toNanos() ? own : bornNanos + longest.toNanos();
        }
    }
}
