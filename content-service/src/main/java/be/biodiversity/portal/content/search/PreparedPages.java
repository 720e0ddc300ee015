package be.biodiversity.portal.content.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.page.NewPage;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.page.Permalinks;
import be.biodiversity.portal.content.resolve.ResolvedPage;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.resolve.TocEntry;

/**
 * What an import has already worked out of its pages for the site search. An import resolves every page to check it
 * (Liquid, markdown, the sanitizer); the search then resolved each one again once the import was written, a second
 * pass of most of the import's CPU (five to ten seconds after a 5,000-page import, a minute at 20,000) while visitors
 * wait for the same cores. The import's checks hand the search each published page's title, description, headings
 * and text here, keyed by the fingerprint the import stores with the page ({@code sourceHash}: its file's path and the
 * page it became; an editor's save clears it); the search takes a page's part when the stored page carries that
 * fingerprint, reads as the import read it (kind, language, permalink, title, description, body) and the site's data
 * are the ones the import checked against, and resolves it as before otherwise (a page edited since, a data file
 * changed since, a page this does not hold). No digest of its own: a SHA-256 of every page, on the import's threads
 * (about 4 % of the import's checks) and again for each page the search read back, is no longer computed.
 *
 * <p>One import's parts at a time, dropped when the search has read every page again since they were handed over,
 * when the next import starts collecting, or {@link #KEPT} after they were handed over; at most
 * {@link #MAX_CHARACTERS} of text, past which the other pages are resolved again as before.
 */
@Component
public class PreparedPages {

    /** How long an import's parts wait for the search to take them. */
    static final Duration KEPT = Duration.ofMinutes(2);

    /** The most text one import's parts hold, in characters (about 20,000 pages of GBIF.be's size). */
    static final long MAX_CHARACTERS = 32_000_000;

    /** A page as the search keeps it, less what the stored page says (its key, version, path, date). */
    record Part(String title, String description, List<String> headings, String text) {

        /**
         * What the search keeps of a page as resolved: its resolved title (else the page's), its description and
         * body as text, its headings. The one derivation, whether the import or the search resolved the page.
         */
        static Part of(String pageTitle, String pageDescription, ResolvedPage resolved) {
            String title = resolved.title() == null || resolved.title().isBlank() ? pageTitle : resolved.title();
            String description = resolved.description() == null ? pageDescription : resolved.description();
            List<String> headings = resolved.toc() == null ? List.of()
                    : resolved.toc().stream().map(TocEntry::text).toList();
            return new Part(title, HtmlText.of(description), headings, HtmlText.of(resolved.html()));
        }

        /** The search's entry of {@code page} as stored (its key, version, language, kind, path and date). */
        SiteEntry entry(Page page, String site) {
            return SiteEntry.of(page.id(), page.version() == null ? 0 : page.version(), site, page.lang(),
                    page.kind(), page.permalink(), title, description, page.date(), headings, text);
        }
    }

    private final Clock clock;
    private final long maxCharacters;
    private final AtomicReference<Parts> current = new AtomicReference<>();

    @Autowired
    PreparedPages() {
        this(Clock.systemUTC(), MAX_CHARACTERS);
    }

    PreparedPages(Clock clock, long maxCharacters) {
        this.clock = clock;
        this.maxCharacters = maxCharacters;
    }

    /** Starts collecting one import's parts, checked against {@code site}; an earlier import's parts are dropped. */
    public Parts collect(SiteContext site) {
        Parts parts = new Parts(site);
        current.set(null);
        return parts;
    }

    /** The import is being written: the search may take its parts from now, for {@link #KEPT}, then they go. */
    public void handOver(Parts parts) {
        parts.until = clock.instant().plus(KEPT);
        current.set(parts);
        // dropped then even if no page comes to take them (an import that changed nothing: no change to follow)
        Mono.delay(KEPT).subscribe(tick -> current.compareAndSet(parts, null));
    }

    /** The parts handed over now (null: none), for {@link #clear} once every page has been read. */
    Parts handedOver() {
        return current.get();
    }

    /**
     * Drops what is left of {@code parts} (the search has read every page since they were handed over); parts an
     * import handed over meanwhile stay. Says how many were taken and left.
     */
    String clear(Parts parts) {
        if (parts == null) {
            return "none prepared";
        }
        current.compareAndSet(parts, null);
        return parts.taken + " as the import resolved them, " + parts.byFingerprint.size() + " prepared and not taken";
    }

    /** How many parts are waiting (for tests and the log). */
    int waiting() {
        Parts parts = current.get();
        return parts == null ? 0 : parts.byFingerprint.size();
    }

    /**
     * This page's part, taken out (each is used once), if it was prepared against the site's data as {@code site}
     * holds them and the page reads as it did then; null otherwise.
     */
    Part take(Page page, SiteContext site) {
        Parts parts = current.get();
        if (parts == null) {
            return null;
        }
        if (clock.instant().isAfter(parts.until)) {
            current.compareAndSet(parts, null);
            return null;
        }
        if (!parts.sameSite(site)) {
            return null;
        }
        if (page.sourceHash() == null) {
            return null;
        }
        Prepared found = parts.byFingerprint.get(page.sourceHash());
        if (found == null || !found.readsAs(page) || !parts.byFingerprint.remove(page.sourceHash(), found)) {
            return null;
        }
        parts.taken.incrementAndGet();
        return found.part();
    }

    /** One import's parts, filled from its checking threads. */
    public final class Parts {

        private final SiteContext site;
        private final Map<String, Prepared> byFingerprint = new ConcurrentHashMap<>();
        private final AtomicLong characters = new AtomicLong();
        private final AtomicLong taken = new AtomicLong();
        /** The site version last found to hold the same data and includes as {@link #site}. */
        private volatile String sameAs;
        private volatile Instant until = Instant.MAX;

        private Parts(SiteContext site) {
            this.site = site;
        }

        /**
         * Keeps what the search needs of a published page as the import resolved it (thread-safe).
         *
         * @param sourceHash the fingerprint the import stores with the page
         */
        public void add(NewPage page, String sourceHash, ResolvedPage resolved) {
            if (page.status() != null && !Page.PUBLISHED.equals(page.status())) {
                return;
            }
            Part part = Part.of(page.title(), page.description(), resolved);
            long weight = length(part.title()) + length(part.description()) + length(part.text());
            if (characters.addAndGet(weight) > maxCharacters) {
                return;
            }
            byFingerprint.put(sourceHash, Prepared.of(page, part));
        }

        private boolean sameSite(SiteContext now) {
            if (now.version().equals(sameAs)) {
                return true;
            }
            boolean same = now.site().equals(site.site()) && now.includes().equals(site.includes());
            if (same) {
                sameAs = now.version();
            }
            return same;
        }
    }

    /**
     * A part with what the page read when it was prepared: the stored page must read the same for the part to be its
     * own (the body by length and hash, to keep no second copy of it).
     */
    private record Prepared(Part part, String kind, String lang, String permalink, String title, String description,
            int bodyLength, int bodyHash) {

        static Prepared of(NewPage page, Part part) {
            String body = page.body() == null ? "" : page.body();
            return new Prepared(part, page.kind() == null ? Page.PAGE : page.kind(), page.lang(),
                    Permalinks.normalise(page.permalink()), page.title(), page.description(), body.length(),
                    body.hashCode());
        }

        boolean readsAs(Page page) {
            return kind.equals(page.kind()) && Objects.equals(lang, page.lang())
                    && Objects.equals(permalink, page.permalink()) && Objects.equals(title, page.title())
                    && Objects.equals(description, page.description()) && page.body() != null
                    && bodyLength == page.body().length() && bodyHash == page.body().hashCode();
        }
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
