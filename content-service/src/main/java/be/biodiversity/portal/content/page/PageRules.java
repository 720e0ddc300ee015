package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.language.Languages;
import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.resolve.UnsafeMarkup;

/** What every page and post must satisfy, whether an editor sends it or the importer reads it. */
@Component
public class PageRules {

    private static final Set<String> KINDS = Set.of(Page.PAGE, Page.POST);
    private static final Set<String> STATUSES = Set.of(Page.PUBLISHED, Page.DRAFT);
    /** The dates MongoDB (milliseconds since 1970 in a long) and the templates (four-digit years) can take. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final ContentProperties properties;
    /** The site's languages as its import stored them; null: {@code portal.content.languages} (unit tests). */
    private final Languages languages;

    PageRules(ContentProperties properties) {
        this(properties, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    PageRules(ContentProperties properties, Languages languages) {
        this.properties = properties;
        this.languages = languages;
    }

    private java.util.List<String> languages() {
        return languages == null ? properties.languages() : languages.languages();
    }

    /** The first rule broken, as the field at fault and a message; empty when the page is acceptable. */
    public Optional<InvalidFieldException> check(NewPage page) {
        if (page.lang() == null || !languages().contains(page.lang())) {
            return fail("lang", "'" + page.lang() + "' is not a language of this site; known: " + languages());
        }
        String permalink = Permalinks.normalise(page.permalink());
        if (!Permalinks.isWellFormed(permalink)) {
            return fail("permalink", "'" + page.permalink() + "' is not a well-formed permalink (e.g. /nl/community)");
        }
        if (page.title() == null || page.title().isBlank()) {
            return fail("title", "must not be blank");
        }
        if (page.body() != null && page.body().length() > properties.maxBodyLength()) {
            return fail("body", "is " + page.body().length() + " characters long; at most "
                    + properties.maxBodyLength() + " are accepted");
        }
        for (String[] field : new String[][] { { "body", page.body() }, { "description", page.description() },
                { "heroImageCredit", page.heroImageCredit() }, { "heroImage", page.heroImage() } }) {
            Optional<String> unsafe = UnsafeMarkup.findRefused(field[1]);
            if (unsafe.isPresent()) {
                return fail(field[0], unsafe.get());
            }
        }
        if (page.kind() != null && !KINDS.contains(page.kind())) {
            return fail("kind", "'" + page.kind() + "' is neither 'page' nor 'post'");
        }
        if (Page.POST.equals(page.kind()) && page.date() == null) {
            return fail("date", "a post needs a date");
        }
        if (page.date() != null && (page.date().isBefore(EARLIEST) || page.date().isAfter(LATEST))) {
            return fail("date", "'" + page.date() + "' is not between the years 1 and 9999");
        }
        if (page.status() != null && !STATUSES.contains(page.status())) {
            return fail("status", "'" + page.status() + "' is neither 'published' nor 'draft'");
        }
        if (page.frontMatter() != null && page.frontMatter().size() > 200) {
            return fail("frontMatter", "has " + page.frontMatter().size() + " keys; at most 200 are accepted");
        }
        return page.frontMatter() == null ? Optional.empty()
                : FrontMatterTypes.firstError(page.frontMatter()).map(e -> new InvalidFieldException(e[0], e[1]));
    }

    /**
     * Whether the portal keeps this permalink for itself ({@code /api/x}, {@code /nl/feed.xml}, {@code /publisher/…}):
     * a 400 naming {@code permalink} for editor writes; the importer reports such a file instead of storing it.
     */
    public Optional<InvalidFieldException> reserved(String permalink) {
        return ReservedPaths.reason(Permalinks.normalise(permalink), languages())
                .map(reason -> new InvalidFieldException("permalink", "'" + permalink + "' is reserved: " + reason));
    }

    /**
     * Where an imported page may not stand: the same paths as {@link #reserved(String)}, with the language prefixes of
     * the site being imported as well as those stored ({@code /da/feed.xml} of a site that brings Danish).
     */
    public Optional<InvalidFieldException> reservedForImport(String permalink, Collection<String> siteLanguages) {
        Set<String> all = new HashSet<>(languages());
        all.addAll(siteLanguages);
        return ReservedPaths.reason(Permalinks.normalise(permalink), all)
                .map(reason -> new InvalidFieldException("permalink", "'" + permalink + "' is reserved: " + reason));
    }

    private static Optional<InvalidFieldException> fail(String field, String message) {
        return Optional.of(new InvalidFieldException(field, message));
    }
}
