package be.biodiversity.portal.content.page;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.web.NotFoundException;

/**
 * Previews for editors: an unsaved edit, or a stored page or draft, checked as a save would check it, kept for
 * {@code portal.content.preview.keep} (30 minutes) under a random id, and resolved afresh on every read (never
 * kept resolved, never listed, never in the search or the sitemap).
 */
@Service
class PagePreviews {

    static final String DEFAULT_SITE = "default";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final PageWriter writer;
    private final PageService pages;
    private final ResolvedPages resolved;
    private final Duration keep;
    private final Clock clock;

    @Autowired
    PagePreviews(ReactiveMongoTemplate mongo, PageWriter writer, PageService pages, ResolvedPages resolved,
            @Value("${portal.content.preview.keep:30m}") Duration keep) {
        this(mongo, writer, pages, resolved, keep, Clock.systemUTC());
    }

    PagePreviews(ReactiveMongoTemplate mongo, PageWriter writer, PageService pages, ResolvedPages resolved,
            Duration keep, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.pages = pages;
        this.resolved = resolved;
        this.keep = keep;
        this.clock = clock;
    }

    /** Keeps an unsaved edit for preview; 400 naming the field when a save of it would be refused. */
    Mono<PagePreview> ofEdit(NewPage page, String editor) {
        return writer.checked(page).then(Mono.defer(() -> keep(page, null, editor)));
    }

    /** Keeps a stored page (a draft, typically) for preview, as it is now; empty when there is no such page. */
    Mono<PagePreview> ofPage(String id, String editor) {
        return pages.byId(id).flatMap(page -> keep(page.content(), page.id(), editor));
    }

    /** The preview as the page would be shown: resolved now, against the site as it is now. */
    Mono<PageView> view(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("expiresAt").gt(clock.instant())),
                        PagePreview.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No preview " + id + " (they last "
                        + keep.toMinutes() + " minutes)")))
                .flatMap(preview -> {
                    Page page = PageDocuments.of(preview.page(), preview.pageId(), null, preview.createdBy(), null, null);
                    return resolved.preview(page);
                });
    }

    private Mono<PagePreview> keep(NewPage page, String pageId, String editor) {
        Instant now = clock.instant();
        return mongo.insert(new PagePreview(newId(), DEFAULT_SITE, page, pageId, editor, now, now.plus(keep)));
    }

    /** 24 random bytes as 32 URL-safe characters. */
    static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
