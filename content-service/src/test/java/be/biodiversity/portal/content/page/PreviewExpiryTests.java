package be.biodiversity.portal.content.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import be.biodiversity.portal.content.web.NotFoundException;

/** A preview link stops working once its time is up, on the embedded server (no TTL) as on MongoDB. */
@SpringBootTest(properties = { "portal.editor.token=test-editor-secret", "spring.mongodb.database=content-preview-expiry" })
class PreviewExpiryTests {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PageWriter writer;

    @Autowired
    PageService pages;

    @Autowired
    ResolvedPages resolved;

    @Test
    void aPreviewPastItsTimeIsNotThere() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T12:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        PagePreviews previews = new PagePreviews(mongo, writer, pages, resolved, Duration.ofMinutes(30), clock);
        PagePreview preview = previews.ofEdit(NewPage.page("nl", "/nl/pv-tijd", null, "Tijd", null, null, null,
                "Even zichtbaar", null), "editor").block();

        now.set(now.get().plus(Duration.ofMinutes(29)));
        StepVerifier.create(previews.view(preview.id())).expectNextMatches(view -> view.html().contains("Even zichtbaar"))
                .verifyComplete();
        now.set(now.get().plus(Duration.ofMinutes(2)));
        StepVerifier.create(previews.view(preview.id())).expectError(NotFoundException.class).verify();
    }
}
