package be.biodiversity.portal.content.page;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.resolve.PageResolver;
import be.biodiversity.portal.content.resolve.PageSource;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;

/**
 * Resolves stored pages against the stored site data, keeping the last results per page version and site
 * data: a page is resolved again only when it or the site's data changed.
 */
@Component
public class ResolvedPages {

    /** The site data by identity: each change of the data builds a new context object. */
    private record Key(String id, Long version, int site) {
    }

    private final PageResolver resolver;
    private final SiteDataService data;
    private final Map<Key, ResolvedPage> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ResolvedPage> eldest) {
            return size() > 2_000;
        }
    };

    ResolvedPages(PageResolver resolver, SiteDataService data) {
        this.resolver = resolver;
        this.data = data;
    }

    Mono<PageView> view(Page page) {
        return data.context().map(site -> PageView.of(page, resolve(page, site)));
    }

    ResolvedPage resolve(Page page, SiteContext site) {
        Key key = new Key(page.id(), page.version(), System.identityHashCode(site));
        synchronized (cache) {
            ResolvedPage hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        ResolvedPage resolved = resolver.resolve(source(page.content()), site);
        synchronized (cache) {
            cache.put(key, resolved);
        }
        return resolved;
    }

    /** What the resolver reads of a page. */
    public static PageSource source(NewPage p) {
        return new PageSource(p.lang(), Permalinks.normalise(p.permalink()), p.translationKey(), p.title(),
                p.description(), p.heroImage(), p.heroImageCredit(), p.body() == null ? "" : p.body(),
                p.frontMatter() == null ? Map.of() : p.frontMatter(), p.layout(), p.categories(), p.date());
    }
}
