package be.biodiversity.portal.render.news;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;

import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.ContentUnavailableException;
import be.biodiversity.portal.render.content.PageList;
import be.biodiversity.portal.render.content.PageSummary;
import be.biodiversity.portal.render.site.SiteLanguages;
import be.biodiversity.portal.render.site.Xml;

/** An Atom feed of the news per language: {@code /feed.xml}, {@code /nl/feed.xml}, {@code /fr/feed.xml}. */
@Controller
class FeedController {

    static final int ENTRIES = 20;
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ContentClient content;
    private final SiteLanguages languages;
    private final MessageSource messages;
    FeedController(ContentClient content, SiteLanguages languages, MessageSource messages) {
        this.content = content;
        this.languages = languages;
        this.messages = messages;
    }

    @GetMapping({ "/feed.xml", "/{lang}/feed.xml" })
    Mono<ResponseEntity<String>> feed(@PathVariable(required = false) String lang, ServerWebExchange exchange) {
        PageCacheFilter.uses(exchange, List.of(PageCacheFilter.POSTS));
        String language = lang == null ? languages.defaultLanguage() : lang;
        if (lang != null && (lang.equals(languages.defaultLanguage()) || !languages.all().contains(lang))) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        String siteUrl = languages.site().baseUrl();
        String self = siteUrl + (lang == null ? "" : "/" + lang) + "/feed.xml";
        return content.posts(language, null, 0, ENTRIES)
                .map(posts -> ResponseEntity.ok().contentType(ATOM).body(atom(posts, language, self)))
                .onErrorResume(ContentUnavailableException.class,
                        ex -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()));
    }

    private String atom(PageList posts, String lang, String self) {
        // the site's own name (its _config.yml title), never the portal's
        String site = languages.site().title();
        String siteUrl = languages.site().baseUrl();
        String title = messages.getMessage("feed.title", new Object[] { site }, site,
                java.util.Locale.forLanguageTag(lang));
        Instant updated = posts.items().stream().map(FeedController::updated).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        Xml xml = Xml.document().start("feed").defaultNamespace(ATOM_NS).langAttribute(lang)
                .element("title", title).element("id", self)
                .empty("link").attribute("rel", "self").attribute("href", self)
                .empty("link").attribute("rel", "alternate").attribute("type", "text/html")
                .attribute("href", siteUrl + languages.home(lang))
                .element("updated", DateTimeFormatter.ISO_INSTANT.format(updated));
        for (PageSummary post : posts.items()) {
            String url = siteUrl + post.permalink();
            xml.start("entry").element("title", post.title()).element("id", url)
                    .empty("link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", url)
                    .element("updated", DateTimeFormatter.ISO_INSTANT.format(updated(post) == null ? updated
                            : updated(post)));
            if (post.date() != null) {
                xml.element("published", DateTimeFormatter.ISO_INSTANT.format(post.date()));
            }
            if (post.description() != null) {
                xml.element("summary", post.description());
            }
            post.categoryList().forEach(c -> xml.empty("category").attribute("term", c));
            xml.start("author").element("name", site).end().end();
        }
        return xml.end().finish();
    }

    private static Instant updated(PageSummary post) {
        return post.updatedAt() != null ? post.updatedAt() : post.date();
    }
}
