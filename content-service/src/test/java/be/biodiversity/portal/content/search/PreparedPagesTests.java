package be.biodiversity.portal.content.search;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.resolve.TocEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import prepares for the site search is used only for the page it was prepared from, as stored, against the
 * same site data, once, and not for long: anything else is resolved again as before.
 */
class PreparedPagesTests {

    private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    private static final SiteContext SITE = context("v1", "Test portal");

    private final MutableClock clock = new MutableClock();
    private final PreparedPages prepared = new PreparedPages(clock, 1_000);

    private static SiteContext context(String version, String title) {
        return SiteContext.of(Map.of("title", title), Map.of("stats", Map.of("publishers", 42)), Map.of(), Map.of(),
                version);
    }

    private static NewPage newPage(String body, String status) {
        return new NewPage("en", "/about", "about", "About us", "Who we are", null, null, body,
                Map.of("cta", List.of(Map.of("text", "More", "href", "/more"))), Page.PAGE, "page", List.of("x"),
                null, status);
    }

    /** The import's fingerprint of a page (any text that differs when the page does). */
    private static String hash(NewPage page) {
        return "fingerprint of " + page;
    }

    /** The page as the import's writer stores it: same content and fingerprint, an id and a version. */
    private static Page stored(NewPage page) {
        return stored(page, hash(page));
    }

    private static Page stored(NewPage page, String sourceHash) {
        return new Page("id-1", page.lang(), page.permalink(), page.translationKey(), page.title(),
                page.description(), page.heroImage(), page.heroImageCredit(), page.body(), page.frontMatter(), 0L, NOW,
                page.kind(), page.layout(), page.categories(), page.date(), null, Page.PUBLISHED, "import", "en/about.md",
                sourceHash, null, true);
    }

    private static ResolvedPage resolved(String html) {
        return new ResolvedPage("About us", "<p>Who <b>we</b> are</p>", null, null, Map.of(), html,
                List.of(new TocEntry(2, "team", "The team")), null, List.of(), null, null, null);
    }

    private PreparedPages.Parts handedOver(NewPage... pages) {
        PreparedPages.Parts parts = prepared.collect(SITE);
        for (NewPage page : pages) {
            parts.add(page, hash(page), resolved("<h2>The team</h2><p>" + page.body() + "</p>"));
        }
        prepared.handOver(parts);
        return parts;
    }

    @Test
    void theStoredPageTakesItsPartOnceAsTheImportResolvedIt() {
        NewPage page = newPage("Our **team**.", null);
        handedOver(page);

        PreparedPages.Part part = prepared.take(stored(page), SITE);

        assertThat(part).isNotNull();
        assertThat(part.title()).isEqualTo("About us");
        assertThat(part.description()).isEqualTo("Who we are");
        assertThat(part.headings()).containsExactly("The team");
        assertThat(part.text()).contains("The team").contains("Our **team**.").doesNotContain("<");
        assertThat(prepared.take(stored(page), SITE)).as("used once").isNull();
    }

    @Test
    void sameDataUnderAnotherVersionStillMatches() {
        NewPage page = newPage("Text.", Page.PUBLISHED);
        handedOver(page);

        assertThat(prepared.take(stored(page), context("v2-after-the-write", "Test portal"))).isNotNull();
    }

    @Test
    void aPageEditedSinceOrOtherDataAreResolvedAgain() {
        NewPage page = newPage("Text.", null);
        handedOver(page);

        assertThat(prepared.take(stored(newPage("Text, edited.", null)), SITE)).isNull();
        assertThat(prepared.take(stored(page, null), SITE)).as("saved by an editor: no fingerprint").isNull();
        assertThat(prepared.take(stored(page), context("v3", "Another title"))).isNull();
        assertThat(prepared.take(stored(page), SITE)).as("still there for the page as imported").isNotNull();
    }

    @Test
    void nothingIsTakenBeforeTheHandOverNorAfterTheTimeKept() {
        NewPage page = newPage("Text.", null);
        PreparedPages.Parts parts = prepared.collect(SITE);
        parts.add(page, hash(page), resolved("<p>Text.</p>"));
        assertThat(prepared.take(stored(page), SITE)).isNull();

        prepared.handOver(parts);
        clock.now = NOW.plus(PreparedPages.KEPT).plusSeconds(1);
        assertThat(prepared.take(stored(page), SITE)).isNull();
        assertThat(prepared.waiting()).isZero();
    }

    @Test
    void draftsAreNotPreparedAndTheTextIsBounded() {
        PreparedPages.Parts parts = prepared.collect(SITE);
        parts.add(newPage("Draft.", Page.DRAFT), "draft", resolved("<p>Draft.</p>"));
        parts.add(newPage("x".repeat(2_000), null), "long", resolved("<p>" + "x".repeat(2_000) + "</p>"));
        prepared.handOver(parts);

        assertThat(prepared.waiting()).as("a draft, and a text past the bound").isZero();
    }

    @Test
    void aReloadDropsOnlyThePartsHandedOverBeforeItStarted() {
        PreparedPages.Parts first = handedOver(newPage("One.", null));
        PreparedPages.Parts atReloadStart = prepared.handedOver();
        assertThat(atReloadStart).isSameAs(first);
        handedOver(newPage("Two.", null));

        prepared.clear(atReloadStart);
        assertThat(prepared.waiting()).as("the second import's part stays").isEqualTo(1);
        prepared.clear(prepared.handedOver());
        assertThat(prepared.waiting()).isZero();
    }

    @Test
    void theFingerprintAloneIsNotEnoughThePageMustReadAsPrepared() {
        NewPage page = newPage("Text.", null);
        handedOver(page);
        String fingerprint = hash(page);

        for (NewPage other : List.of(
                new NewPage("nl", "/about", "about", "About us", "Who we are", null, null, "Text.", Map.of(), Page.PAGE,
                        "page", List.of(), null, null),
                new NewPage("en", "/over", "about", "About us", "Who we are", null, null, "Text.", Map.of(), Page.PAGE,
                        "page", List.of(), null, null),
                new NewPage("en", "/about", "about", "About us, and", "Who we are", null, null, "Text.", Map.of(),
                        Page.PAGE, "page", List.of(), null, null),
                new NewPage("en", "/about", "about", "About us", null, null, null, "Text.", Map.of(), Page.PAGE, "page",
                        List.of(), null, null),
                new NewPage("en", "/about", "about", "About us", "Who we are", null, null, "Text!", Map.of(), Page.PAGE,
                        "page", List.of(), null, null),
                new NewPage("en", "/about", "about", "About us", "Who we are", null, null, "Text.", Map.of(), Page.POST,
                        "page", List.of(), null, null))) {
            assertThat(prepared.take(stored(other, fingerprint), SITE)).as("%s", other).isNull();
        }
        assertThat(prepared.take(stored(page), SITE)).as("still there for the page as imported").isNotNull();
    }

    private static final class MutableClock extends Clock {

        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
