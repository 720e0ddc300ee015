package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.web.server.ResponseStatusException;

import be.biodiversity.portal.content.resolve.LiquidLimits;
import be.biodiversity.portal.content.resolve.PageResolver;
import be.biodiversity.portal.content.resolve.PageSource;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A page is resolved once per version and site data, and so is a page that fails to resolve. */
class ResolvedPagesTests {

    private final AtomicInteger resolutions = new AtomicInteger();

    private final PageResolver counting = new PageResolver(LiquidLimits.DEFAULTS) {
        @Override
        public ResolvedPage resolve(PageSource source, SiteContext site) {
            resolutions.incrementAndGet();
            return super.resolve(source, site);
        }
    };

    private final ResolvedPages pages = new ResolvedPages(counting, null, null);

    private static Page page(long version, String body) {
        return new Page("p1", "en", "/en/p", null, "P", null, null, null, body, Map.of(), version, Instant.EPOCH,
                Page.PAGE, null, List.of(), null, null, Page.PUBLISHED, "test", null, null, "", null);
    }

    private static SiteContext site(String version) {
        return SiteContext.of(Map.of(), Map.of(), Map.of(), Map.of(), version);
    }

    @Test
    void aPageThatFailedToResolveIsAnsweredFromMemoryUntilItOrTheSiteDataChanges() {
        Page hostile = page(1, "{% for i in (1..1000000000) %}{% endfor %}");
        for (int read = 0; read < 3; read++) {
            assertThatThrownBy(() -> pages.resolve(hostile, site("a"))).isInstanceOf(ResponseStatusException.class)
                    .hasMessageContaining("422").hasMessageContaining("max-iterations");
        }
        assertThat(resolutions).hasValue(1);
        assertThatThrownBy(() -> pages.resolve(hostile, site("b"))).isInstanceOf(ResponseStatusException.class);
        assertThat(resolutions).hasValue(2);
        assertThat(pages.resolve(page(2, "fixed"), site("b")).html()).contains("fixed");
        assertThat(pages.resolve(page(2, "fixed"), site("b")).html()).contains("fixed");
        assertThat(resolutions).hasValue(3);
    }

    @Test
    void aTimeLimitFailureIsTriedAgainAfterAWhileTheOtherLimitsAreKept() {
        AtomicLong nanos = new AtomicLong();
        // a time limit in the past: any Liquid step is over it, whatever this machine's speed
        PageResolver late = new PageResolver(new LiquidLimits(null, null, -1L, null, null)) {
            @Override
            public ResolvedPage resolve(PageSource source, SiteContext site) {
                resolutions.incrementAndGet();
                return super.resolve(source, site);
            }
        };
        ResolvedPages timed = new ResolvedPages(late, null, null, nanos::get);
        Page slow = page(1, "{% for i in (1..3) %}{{ i }}{% endfor %}");
        assertThatThrownBy(() -> timed.resolve(slow, site("a"))).hasMessageContaining("max-render-millis");
        assertThatThrownBy(() -> timed.resolve(slow, site("a"))).hasMessageContaining("max-render-millis");
        assertThat(resolutions).hasValue(1);
        nanos.addAndGet(ResolvedPages.TIMING_FAILURE_KEPT.toNanos() + 1);
        assertThatThrownBy(() -> timed.resolve(slow, site("a"))).hasMessageContaining("max-render-millis");
        assertThat(resolutions).hasValue(2);

        Page big = page(1, "{% for i in (1..1000000000) %}{% endfor %}");
        ResolvedPages kept = new ResolvedPages(counting, null, null, nanos::get);
        assertThatThrownBy(() -> kept.resolve(big, site("a"))).hasMessageContaining("max-iterations");
        nanos.addAndGet(java.time.Duration.ofDays(1).toNanos());
        assertThatThrownBy(() -> kept.resolve(big, site("a"))).hasMessageContaining("max-iterations");
        assertThat(resolutions).hasValue(3);
    }

    @Test
    void aPageNestedTooDeeplyForTheStackIsARememberedFailure() {
        Page deep = page(1, "x\n\n" + "*".repeat(200_000) + "a" + "*".repeat(200_000));
        for (int read = 0; read < 2; read++) {
            assertThatThrownBy(() -> pages.resolve(deep, site("a"))).isInstanceOf(ResponseStatusException.class)
                    .hasMessageContaining("422");
        }
        assertThat(resolutions).hasValue(1);
    }

    /** The site search reads every page after an import: it must not fill the pages kept for visitors. */
    @Test
    void theSiteSearchUsesAKeptPageButKeepsNoneItself() {
        Page read = page(1, "read by a visitor");
        pages.resolve(read, site("a"));
        assertThat(pages.resolveOnce(read, site("a")).html()).contains("read by a visitor");
        assertThat(resolutions).as("the visitor's kept page").hasValue(1);

        Page indexed = page(2, "only indexed");
        pages.resolveOnce(indexed, site("a"));
        pages.resolveOnce(indexed, site("a"));
        assertThat(resolutions).as("resolved each time, never kept").hasValue(3);
        pages.resolve(indexed, site("a"));
        assertThat(resolutions).hasValue(4);
    }

    /** Kept by weight: pages as long as the body limit do not fill the heap 2,000 at a time. */
    @Test
    void longPagesAreKeptByTheirWeight() {
        String body = "word ".repeat(40_000);
        int kept = (int) (ResolvedPages.MAX_KEPT_CHARACTERS / body.length());
        for (int n = 0; n < kept + 5; n++) {
            pages.resolve(new Page("p" + n, "en", "/en/p" + n, null, "P", null, null, null, body, Map.of(), 1L,
                    Instant.EPOCH, Page.PAGE, null, List.of(), null, null, Page.PUBLISHED, "test", null, null, "", null),
                    site("a"));
        }
        assertThat(pages.keptCharacters()).isLessThanOrEqualTo(ResolvedPages.MAX_KEPT_CHARACTERS);
        assertThat(pages.keptCharacters()).isGreaterThan(ResolvedPages.MAX_KEPT_CHARACTERS / 2);
    }
}
