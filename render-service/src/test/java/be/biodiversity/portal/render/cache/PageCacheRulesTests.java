package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import be.biodiversity.portal.render.TestTicker;

import static org.assertj.core.api.Assertions.assertThat;

/** Which kept pages a change forgets (issue 19: an edit must not recompute the whole site). */
class PageCacheRulesTests {

    private final TestTicker ticker = new TestTicker();

    private final PageCache cache = new PageCache(new PageCacheProperties(true, null, null, 100, null, null, false,
            null, null, null), ticker, new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));

    private final SiteCaches caches = new SiteCaches(cache, AnswerCache.NONE, IdentityPaths.PATHS);

    @Test
    void aPostChangeForgetsThePostAndTheListingsButNotOtherPages() {
        keep("/nl/post/a", "/nl/post/a", CachedPage.POSTS, PageCacheFilter.POST);
        keep("/nl/news", "/nl/news", CachedPage.POSTS);
        keep("/", "/", CachedPage.POSTS);
        keep("/sitemap.xml", CachedPage.ALL_PAGES);
        keep("/nl/community", "/nl/community", "/community", "/fr/community");

        caches.changed(List.of(ContentChange.page(2, "/nl/post/a", false)));

        assertThat(kept()).containsExactly("/nl/community");
    }

    @Test
    void aPageChangeForgetsThePageItsLanguageVersionsAndTheSitemapOnly() {
        keep("/nl/community", "/nl/community", "/community", "/fr/community");
        keep("/fr/community", "/fr/community", "/community", "/nl/community");
        keep("/nl/news", "/nl/news", CachedPage.POSTS);
        keep("/sitemap.xml", CachedPage.ALL_PAGES);
        keep("/nl/over", "/nl/over");

        caches.changed(List.of(ContentChange.page(2, "/nl/community", false)));

        assertThat(kept()).containsExactlyInAnyOrder("/nl/news", "/nl/over");
    }

    @Test
    void aChangeToAPathNotKeptMayBeANewPostAndForgetsTheListings() {
        keep("/nl/news", "/nl/news", CachedPage.POSTS);
        keep("/nl/over", "/nl/over");

        caches.changed(List.of(ContentChange.page(2, "/nl/post/new", false)));

        assertThat(kept()).containsExactly("/nl/over");
    }

    @Test
    void theFeedsKindDecidesWhenItSaysIt() {
        keep("/nl/news", "/nl/news", CachedPage.POSTS);
        caches.changed(List.of(ContentChange.page(2, "/nl/new-page", false, false)));
        assertThat(kept()).as("a new page, not a post: the listings stay").containsExactly("/nl/news");
        caches.changed(List.of(ContentChange.page(3, "/nl/post/b", true, true)));
        assertThat(kept()).isEmpty();
    }

    @Test
    void aSiteChangeLeavesEveryPageAsAStandInOnly() {
        keep("/nl/over", "/nl/over");
        caches.changed(List.of(ContentChange.site(2)));
        assertThat(cache.get("/nl/over").fresh()).isFalse();
        caches.everythingChanged();
        assertThat(cache.get("/nl/over")).isNull();
    }

    @Test
    void aPageRenderedWhileAChangeArrivedIsNotKept() {
        long before = cache.generation();
        caches.changed(List.of(ContentChange.page(2, "/elsewhere", false)));
        cache.put("/nl/over", page(Set.of("/nl/over")), before);
        assertThat(cache.get("/nl/over")).isNull();
    }

    private void keep(String key, String... uses) {
        cache.put(key, page(Set.of(uses)), cache.generation());
    }

    private CachedPage page(Set<String> uses) {
        return new CachedPage(HttpStatus.OK, MediaType.TEXT_HTML, new byte[0], "\"e\"", Instant.EPOCH, ticker.read(),
                uses, uses.contains(PageCacheFilter.POST), true);
    }

    private List<String> kept() {
        return List.of("/nl/post/a", "/nl/news", "/", "/sitemap.xml", "/nl/community", "/fr/community", "/nl/over")
            .stream().filter(key -> cache.get(key) != null).toList();
    }
}
