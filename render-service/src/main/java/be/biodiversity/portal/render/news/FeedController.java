package be.biodiversity.portal.render.news;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import be.biodiversity.portal.render.config.PortalProperties;
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
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ContentClient content;
    private final SiteLanguages languages;
    private final MessageSource messages;
    private final String siteUrl;

    FeedController(ContentClient content, SiteLanguages languages, MessageSource messages,
            PortalProperties properties) {
        this.content = content;
        this.languages = languages;
        this.messages = messages;
        this.siteUrl = properties.siteUrl().toString().replaceAll("/+$", "");
    }

    @GetMapping({ "/feed.xml", "/{lang}/feed.xml" })
    Mono<ResponseEntity<String>> feed(@PathVariable(required = false) String lang) {
        String language = lang == null ? languages.defaultLanguage() : lang;
        if (lang != null && (lang.equals(languages.defaultLanguage()) || !languages.all().contains(lang))) {
            return Mono.just(ResponseEntity.notFound().build());
        }
        String self = siteUrl + (lang == null ? "" : "/" + lang) + "/feed.xml";
        return content.posts(language, null, 0, ENTRIES)
                .map(posts -> ResponseEntity.ok().contentType(ATOM).body(atom(posts, language, self)))
                .onErrorResume(ContentUnavailableException.class,
                        ex -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()));
    }

    private String atom(PageList posts, String lang, String self) {
        String title = messages.getMessage("feed.title", null, "GBIF.be news", java.util.Locale.forLanguageTag(lang));
        Instant updated = posts.items().stream().map(FeedController::updated).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(lang))
                .append("\">\n  <title>").append(Xml.escape(title)).append("</title>\n  <id>")
                .append(Xml.escape(self)).append("</id>\n  <link rel=\"self\" href=\"").append(Xml.escape(self))
                .append("\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(Xml.escape(siteUrl + languages.home(lang))).append("\"/>\n  <updated>")
                .append(DateTimeFormatter.ISO_INSTANT.format(updated)).append("</updated>\n");
        for (PageSummary post : posts.items()) {
            String url = siteUrl + post.permalink();
            xml.append("  <entry>\n    <title>").append(Xml.escape(post.title())).append("</title>\n    <id>")
                    .append(Xml.escape(url)).append("</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"")
                    .append(Xml.escape(url)).append("\"/>\n    <updated>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(updated(post) == null ? updated : updated(post)))
                    .append("</updated>\n");
            if (post.date() != null) {
                xml.append("    <published>").append(DateTimeFormatter.ISO_INSTANT.format(post.date()))
                        .append("</published>\n");
            }
            if (post.description() != null) {
                xml.append("    <summary>").append(Xml.escape(post.description())).append("</summary>\n");
            }
            post.categoryList().forEach(c -> xml.append("    <category term=\"").append(Xml.escape(c)).append("\"/>\n"));
            xml.append("    <author><name>GBIF.be</name></author>\n  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static Instant updated(PageSummary post) {
        return post.updatedAt() != null ? post.updatedAt() : post.date();
    }
}
