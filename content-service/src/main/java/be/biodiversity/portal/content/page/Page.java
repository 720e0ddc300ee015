package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A page or a news post of the site in one language, as an editor wrote it: markdown body plus front matter.
 * Translations share a {@code translationKey} (Jekyll's {@code lang-ref}).
 *
 * @param kind        {@code page} or {@code post}
 * @param status      {@code published} (served to everyone) or {@code draft} (editors only)
 * @param sourcePath  the repository file it was imported from; null when an editor created it
 * @param sourceHash  fingerprint of that file as last imported, so a re-import changes only what changed
 * @param searchText  title, description and body folded to lower case without accents, for text queries
 * @param historyPending true: no revision holds this version yet — an import's first version, whose page is its
 *                    own revision until the page is next changed or deleted, when the revision is written
 *                    ({@link PageHistory}); null otherwise
 */
@Document("pages")
@CompoundIndexes({
        @CompoundIndex(name = "lang_permalink", def = "{'lang': 1, 'permalink': 1}", unique = true),
        @CompoundIndex(name = "kind_lang_date", def = "{'kind': 1, 'lang': 1, 'date': -1}"),
        @CompoundIndex(name = "translationKey", def = "{'translationKey': 1}"),
        // A versioned save or delete asks for {_id, version}: a real MongoDB answers it from the _id index, the
        // embedded server only from an index of exactly those fields — without it each one read every page.
        @CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true) })
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
        Instant updatedAt,
        String kind,
        String layout,
        List<String> categories,
        Instant date,
        Integer year,
        String status,
        String updatedBy,
        String sourcePath,
        @JsonIgnore String sourceHash,
        @JsonIgnore String searchText,
        @JsonIgnore Boolean historyPending) {

    public static final String PAGE = "page";
    public static final String POST = "post";
    public static final String PUBLISHED = "published";
    public static final String DRAFT = "draft";

    public Page {
        frontMatter = frontMatter == null ? Map.of() : frontMatter;
        categories = categories == null ? List.of() : categories;
        kind = kind == null ? PAGE : kind;
        status = status == null ? PUBLISHED : status;
    }

    /** This page as the first version of an import, carrying its own revision until it changes. */
    Page withHistoryPending() {
        return new Page(id, lang, permalink, translationKey, title, description, heroImage, heroImageCredit, body,
                frontMatter, version, updatedAt, kind, layout, categories, date, year, status, updatedBy, sourcePath,
                sourceHash, searchText, true);
    }

    boolean historyIsPending() {
        return Boolean.TRUE.equals(historyPending);
    }

    boolean published() {
        return PUBLISHED.equals(status);
    }

    /** The editable content of this page, as an editor would send it back. */
    public NewPage content() {
        return new NewPage(lang, permalink, translationKey, title, description, heroImage, heroImageCredit, body,
                frontMatter, kind, layout, categories, date, status);
    }
}
