package be.biodiversity.portal.content.page;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.web.InvalidFieldException;

@Service
public class PageService {

    private final PageRepository pages;
    private final ContentProperties properties;

    PageService(PageRepository pages, ContentProperties properties) {
        this.pages = pages;
        this.properties = properties;
    }

    Mono<Page> find(String lang, String path) {
        return pages.findByLangAndPermalink(knownLanguage(lang), Permalinks.normalise(path));
    }

    Flux<Translation> translations(String translationKey) {
        return pages.findByTranslationKeyOrderByLangAsc(translationKey).map(Translation::of);
    }

    Mono<PageList> list(String lang, long offset, int limit) {
        String language = knownLanguage(lang);
        return pages.countByLang(language)
                .zipWith(pages.findByLangOrderByPermalinkAsc(language, PageRequest.of(0, (int) offset + limit))
                        .skip(offset).map(Translation::of).collectList())
                .map(t -> new PageList(offset, limit, t.getT1(), offset + t.getT2().size() >= t.getT1(), t.getT2()));
    }

    /** Creates a page; a page that exists at the same language and permalink makes the insert fail with 409. */
    public Mono<Page> create(NewPage request) {
        String lang = knownLanguage(request.lang());
        String permalink = Permalinks.normalise(request.permalink());
        if (!Permalinks.isWellFormed(permalink)) {
            return Mono.error(new InvalidFieldException("permalink",
                    "'" + request.permalink() + "' is not a well-formed permalink (e.g. /nl/community)"));
        }
        if (request.body() != null && request.body().length() > properties.maxBodyLength()) {
            return Mono.error(new InvalidFieldException("body",
                    "is " + request.body().length() + " characters long; at most " + properties.maxBodyLength()
                            + " are accepted"));
        }
        Page page = new Page(null, lang, permalink, request.translationKey(), request.title(), request.description(),
                request.heroImage(), request.heroImageCredit(), request.body() == null ? "" : request.body(),
                request.frontMatter(), null, Instant.now());
        return pages.insert(page);
    }

    public Mono<Long> countAll() {
        return pages.count();
    }

    private String knownLanguage(String lang) {
        if (lang == null || !properties.languages().contains(lang)) {
            throw new InvalidFieldException("lang",
                    "'" + lang + "' is not a language of this site; known: " + properties.languages());
        }
        return lang;
    }
}
