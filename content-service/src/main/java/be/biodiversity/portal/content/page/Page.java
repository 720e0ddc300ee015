package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A page of the site in one language, as an editor wrote it: markdown body plus front matter. Translations of
 * one page share a {@code translationKey} (Jekyll's {@code lang-ref}).
 */
@Document("pages")
@CompoundIndex(name = "lang_permalink", def = "{'lang': 1, 'permalink': 1}", unique = true)
public record Page(
        @Id String id,
        String lang,
        String permalink,
        String translationKey,
        String title,
        String description,
        String heroImage,
        String heroImageCredit,
        String body,
        Map<String, Object> frontMatter,
        @Version Long version,
        Instant updatedAt) {

    public Page {
        frontMatter = frontMatter == null ? Map.of() : frontMatter;
    }
}
