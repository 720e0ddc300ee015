package be.biodiversity.portal.content.page;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An editor's page as it would be published, kept for a short while under an unguessable id so that the preview
 * link ({@code /preview/{id}}) can be opened in any browser without the editor token. A real MongoDB removes it
 * after {@code expiresAt} (TTL index); reads check {@code expiresAt} too, as the embedded server has no TTL.
 *
 * @param id        32 random URL-safe characters (192 bits): knowing it is the permission to see the preview
 * @param site      the site it belongs to (one today; several hosted portals per deployment later)
 * @param page      the page's fields as the editor sent them (or as the stored draft has them)
 * @param pageId    the stored page it previews, when it is one (a draft or a published page), else null
 * @param createdBy the editor who asked for it
 */
@Document("pagePreviews")
record PagePreview(@Id String id, String site, NewPage page, String pageId, String createdBy, Instant createdAt,
        @Indexed(expireAfter = "0s") Instant expiresAt) {
}
