package be.biodiversity.portal.content.page;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.resolve.LiquidLimitException;
import be.biodiversity.portal.content.resolve.PageResolver;
import be.biodiversity.portal.content.resolve.PageSource;
import be.biodiversity.portal.content.resolve.RenderScheduler;
import be.biodiversity.portal.content.resolve.ResolveProblem;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.web.InvalidFieldException;

/**
 * Resolves stored pages against the stored site data, on the render scheduler, keeping the outcome per page
 * version and site data (data files and includes at their versions): a page is resolved again only when it or
 * the site's data changed. A page whose Liquid went over a limit that does not depend on the machine (size,
 * steps, depth, nesting, memory) keeps that failure the same way, so each read answers the error at once instead
 * of spending the render budget again; a time-limit failure is kept for {@link #TIMING_FAILURE_KEPT} only, as a
 * busy machine may have caused it.
 */
@Component
public class ResolvedPages {

    private record Key(String id, Long version, String site) {
    }

    /** A resolved page, or why it could not be resolved. */
    private record Outcome(ResolvedPage page, LiquidLimitException failure) {

        /** About the characters it keeps: its HTML, excerpt and text fields (a failure: its message). */
        int weight() {
            if (page == null) {
                return 256;
            }
            return 256 + length(page.html()) + length(page.excerpt()) + length(page.title())
                    + length(page.description()) + length(page.descriptionHtml()) + length(page.titleHtml());
        }

        private static int length(String text) {
            return text == null ? 0 : text.length();
        }
    }

    /**
     * What the resolved pages may keep, in characters: about 2,000 pages of GBIF.be's size. By weight, not by count:
     * a page may be as long as the body limit (200,000 characters), and 2,000 such pages would not fit in the heap.
     */
    static final long MAX_KEPT_CHARACTERS = 8_000_000;

    private final PageResolver resolver;
    private final SiteDataService data;
    private final RenderScheduler render;
    /** How long a time-limit failure is kept: the machine may only have been busy, so it is tried again soon. */
    static final Duration TIMING_FAILURE_KEPT = Duration.ofSeconds(30);

    private final Cache<Key, Outcome> outcomes;

    @Autowired
    ResolvedPages(PageResolver resolver, SiteDataService data, RenderScheduler render) {
        this(resolver, data, render, Ticker.systemTicker());
    }

    /** @param ticker the clock a time-limit failure expires by (tests move it instead of waiting) */
    ResolvedPages(PageResolver resolver, SiteDataService data, RenderScheduler render, Ticker ticker) {
        this.resolver = resolver;
        this.data = data;
        this.render = render;
        this.outcomes = Caffeine.newBuilder().maximumWeight(MAX_KEPT_CHARACTERS)
                .weigher((Key key, Outcome outcome) -> outcome.weight()).ticker(ticker)
                .expireAfter(Expiry.<Key, Outcome>creating((key, outcome) -> outcome.failure() != null
                        && outcome.failure().timing() ? TIMING_FAILURE_KEPT : FOREVER))
                .build();
    }

    private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

    Mono<PageView> view(Page page) {
        return data.context().flatMap(site -> Mono.fromCallable(() -> resolve(page, site))
                .subscribeOn(render.scheduler())).map(resolved -> PageView.of(page, resolved))
                .onErrorMap(RejectedExecutionException.class, ex -> busy());
    }

    /**
     * The page as visitors see it, for the site search, which reads every page after an import: the kept outcome
     * when a read has kept one, else resolved and not kept — the search would otherwise fill the memory with pages
     * no visitor asked for, and push out the ones they did. {@code site}: the site's data as the caller read it once
     * for all the pages it indexes (see {@link SiteDataService#context()}). Fails as {@link #resolved} does.
     */
    public Mono<ResolvedPage> forSearch(Page page, SiteContext site) {
        return Mono.fromCallable(() -> resolveOnce(page, site)).subscribeOn(render.scheduler())
                .onErrorMap(RejectedExecutionException.class, ex -> busy());
    }

    /** @throws ResponseStatusException 422 naming the limit when the page cannot be resolved */
    ResolvedPage resolveOnce(Page page, SiteContext site) {
        Outcome kept = outcomes.getIfPresent(new Key(page.id(), page.version(), site.version()));
        return answer(page, kept != null ? kept : outcome(page, site));
    }

    /** The weight of what is kept now (after pending evictions). */
    long keptCharacters() {
        outcomes.cleanUp();
        return outcomes.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    /** A preview: resolved now and never kept (its id and version are not those of anything stored). */
    Mono<PageView> preview(Page page) {
        return data.context().flatMap(site -> Mono.fromCallable(() -> resolver.resolve(source(page.content()), site))
                        .subscribeOn(render.scheduler())).map(resolved -> PageView.of(page, resolved))
                .onErrorMap(RejectedExecutionException.class, ex -> busy())
                .onErrorMap(LiquidLimitException.class, ex -> new ResponseStatusException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "The preview cannot be shown: in " + ex.field() + ", "
                                + ex.getMessage()));
    }

    /** Every render thread busy and the queue full: refused at once, the client may retry. */
    static ResponseStatusException busy() {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many pages are being resolved; try again");
    }

    /** @throws ResponseStatusException 422 naming the limit when the page cannot be resolved */
    ResolvedPage resolve(Page page, SiteContext site) {
        return answer(page, outcomes.get(new Key(page.id(), page.version(), site.version()), key -> outcome(page, site)));
    }

    private Outcome outcome(Page page, SiteContext site) {
        try {
            return new Outcome(resolver.resolve(source(page.content()), site), null);
        }
        catch (LiquidLimitException ex) {
            return new Outcome(null, ex);
        }
    }

    private static ResolvedPage answer(Page page, Outcome outcome) {
        if (outcome.failure() != null) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "Page " + page.id() + " cannot be "
                    + "shown: in " + outcome.failure().field() + ", " + outcome.failure().getMessage());
        }
        return outcome.page();
    }

    /**
     * What a write must pass beyond {@link PageRules}: its Liquid resolves against the site as it is now, within
     * the limits, and every include it names exists and is allowed. Fails with 400 naming the field and line.
     */
    Mono<Void> check(NewPage request) {
        return data.context().flatMap(site -> Mono.fromRunnable(() -> {
            ResolvedPage resolved;
            try {
                resolved = resolver.resolve(source(request), site);
            }
            catch (LiquidLimitException ex) {
                throw new InvalidFieldException(field(ex.field()), ex.getMessage());
            }
            resolved.problems().stream().filter(p -> p.tag() != null).findFirst().ifPresent(p -> {
                throw new InvalidFieldException(field(p.field()), line(p) + p.message());
            });
        }).subscribeOn(render.scheduler())).then().onErrorMap(RejectedExecutionException.class, ex -> busy());
    }

    private static String field(String resolved) {
        return switch (resolved == null ? "body" : resolved) {
            case "background" -> "heroImage";
            case "imageLicense" -> "heroImageCredit";
            case "title", "description", "body" -> resolved;
            default -> "frontMatter." + resolved;
        };
    }

    private static String line(ResolveProblem p) {
        return p.line() == null ? "" : "line " + p.line() + ": ";
    }

    /** What the resolver reads of a page. */
    public static PageSource source(NewPage p) {
        return new PageSource(p.lang(), Permalinks.normalise(p.permalink()), p.translationKey(), p.title(),
                p.description(), p.heroImage(), p.heroImageCredit(), p.body() == null ? "" : p.body(),
                p.frontMatter() == null ? Map.of() : p.frontMatter(), p.layout(), p.categories(), p.date());
    }
}
