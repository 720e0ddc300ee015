package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/** A rendered page as it was sent, with what tells whether it may be sent again. */
record CachedPage(HttpStatusCode status, MediaType contentType, byte[] body, String etag, Instant renderedAt,
        long revision) {

    Duration age(Instant now) {
        return Duration.between(renderedAt, now);
    }
}
