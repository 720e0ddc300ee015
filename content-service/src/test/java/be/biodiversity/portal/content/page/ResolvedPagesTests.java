package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
                Page.PAGE, null, List.of(), null, null, Page.PUBLISHED, "test", null, null, "");
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
}
