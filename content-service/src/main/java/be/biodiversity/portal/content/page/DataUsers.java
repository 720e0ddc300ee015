package be.biodiversity.portal.content.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import be.biodiversity.portal.content.data.DataFileCheck;
import be.biodiversity.portal.content.data.SiteData;
import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.include.SiteInclude;
import be.biodiversity.portal.content.include.SiteIncludes;
import be.biodiversity.portal.content.resolve.LiquidLimitException;
import be.biodiversity.portal.content.resolve.PageResolver;
import be.biodiversity.portal.content.resolve.RenderScheduler;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.web.InvalidFieldException;

/**
 * The published pages whose Liquid reads a data file, resolved again against the file as a write would leave it:
 * a page written while {@code site.data.knobs.k} was harmless must not be armed by a later data write. A page
 * that would go over a Liquid limit refuses the write with 400 naming the page and the limit. Bounded: at most
 * {@link #MAX_PAGES} pages (those naming {@code site.data.<name>}, or {@code site.data} as a whole), for at most
 * {@link #MAX_MILLIS} in all, on the render scheduler; a time-limit failure (machine load) does not refuse.
 * Reads stay protected by the limits whatever this check did not reach.
 */
@Component
class DataUsers implements DataFileCheck {

    static final int MAX_PAGES = 100;
    static final long MAX_MILLIS = 2_000;

    private final ReactiveMongoTemplate mongo;
    private final SiteDataService data;
    private final SiteIncludes includes;
    private final PageResolver resolver;
    private final RenderScheduler render;
    private final LongSupplier nanoTime;

    @Autowired
    DataUsers(ReactiveMongoTemplate mongo, SiteDataService data, SiteIncludes includes, PageResolver resolver,
            RenderScheduler render) {
        this(mongo, data, includes, resolver, render, System::nanoTime);
    }

    DataUsers(ReactiveMongoTemplate mongo, SiteDataService data, SiteIncludes includes, PageResolver resolver,
            RenderScheduler render, LongSupplier nanoTime) {
        this.mongo = mongo;
        this.data = data;
        this.includes = includes;
        this.resolver = resolver;
        this.render = render;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Void> check(String name, String lang, String source) {
        Query query = Query.query(Criteria.where("status").ne(Page.DRAFT).and("body").regex("site\\.data"))
                .limit(MAX_PAGES * 4);
        return mongo.find(query, Page.class).filter(page -> mentions(page.body(), name)).take(MAX_PAGES)
                .collectList()
                .flatMap(pages -> pages.isEmpty() ? Mono.empty()
                        : data.all().collectList().zipWith(includes.all().collectList())
                                .publishOn(render.scheduler())
                                .doOnNext(stored -> resolveAll(pages, context(stored.getT1(), stored.getT2(), name,
                                        lang, source))))
                .onErrorMap(RejectedExecutionException.class, ex -> new ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE, "Too many pages are being resolved; try again"))
                .then();
    }

    private void resolveAll(List<Page> pages, SiteContext site) {
        long start = nanoTime.getAsLong();
        for (Page page : pages) {
            if (nanoTime.getAsLong() - start > MAX_MILLIS * 1_000_000L) {
                return;
            }
            try {
                resolver.resolve(ResolvedPages.source(page.content()), site);
            }
            catch (LiquidLimitException ex) {
                if (!ex.timing()) {
                    throw new InvalidFieldException("source", "with this text the page " + page.permalink() + " ("
                            + page.lang() + ") cannot be shown: in " + (ex.field() == null ? "body" : ex.field())
                            + ", " + ex.getMessage());
                }
            }
        }
    }

    private static SiteContext context(List<SiteData> stored, List<SiteInclude> siteIncludes, String name,
            String lang, String source) {
        List<SiteData> files = new ArrayList<>();
        stored.stream().filter(f -> !(f.name().equals(name) && f.lang().equals(lang))).forEach(files::add);
        files.add(new SiteData(null, name, lang, source, null, null, null, null, null));
        Map<String, String> byName = new LinkedHashMap<>();
        siteIncludes.forEach(i -> byName.put(i.name(), i.source()));
        return SiteDataService.unstored(files, byName);
    }

    /**
     * Whether Liquid in {@code text} may read the file: it names {@code site.data.<name>} (also under a language,
     * {@code site.data.fr.<name>}), or uses {@code site.data} as a whole ({@code site.data[...]}, a loop over it).
     * The configuration ({@code _config}) is {@code site.*}: every page naming {@code site.} may read it.
     */
    static boolean mentions(String text, String name) {
        if (text == null) {
            return false;
        }
        if (SiteData.CONFIG.equals(name)) {
            return text.contains("site.");
        }
        String dotted = name.replace('/', '.');
        int at = text.indexOf("site.data");
        while (at >= 0) {
            int after = at + "site.data".length();
            if (after >= text.length() || text.charAt(after) != '.') {
                return true;
            }
            String rest = text.substring(after + 1, Math.min(text.length(), after + 1 + 210));
            if (startsWithName(rest, dotted)) {
                return true;
            }
            int dot = rest.indexOf('.');
            if (dot > 0 && dot <= 5 && startsWithName(rest.substring(dot + 1), dotted)) {
                return true;
            }
            at = text.indexOf("site.data", after);
        }
        return false;
    }

    private static boolean startsWithName(String rest, String name) {
        if (!rest.startsWith(name)) {
            return false;
        }
        if (rest.length() == name.length()) {
            return true;
        }
        char next = rest.charAt(name.length());
        return !(Character.isLetterOrDigit(next) || next == '_' || next == '-');
    }
}
